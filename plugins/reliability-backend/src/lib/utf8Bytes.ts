/**
 * Scratch space for encoding response bodies. Buffer.from(text) measures the text's UTF-8
 * length in one pass and encodes it in another, which for report JSON (several thousand
 * characters, stored as two-byte strings as soon as one policy text has a character
 * beyond Latin-1, such as "–") costs more than expanding the report; encoding into
 * scratch space once and copying the bytes out takes about half as long.
 */
const scratch = Buffer.allocUnsafe(128 * 1024);

/** UTF-8 can take up to three bytes for one UTF-16 code unit. */
const MAX_BYTES_PER_CODE_UNIT = 3;

/** The UTF-8 bytes of `text`, in a Buffer of their own. */
export function utf8Bytes(text: string): Buffer {
  if (text.length * MAX_BYTES_PER_CODE_UNIT > scratch.length) {
    return Buffer.from(text, 'utf8');
  }
  const length = scratch.write(text, 0, 'utf8');
  const bytes = Buffer.allocUnsafe(length);
  scratch.copy(bytes, 0, 0, length);
  return bytes;
}
