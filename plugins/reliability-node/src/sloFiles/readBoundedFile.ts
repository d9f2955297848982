import { constants, promises as fs } from 'node:fs';

export type BoundedRead =
  | { kind: 'text'; text: string }
  | { kind: 'too-large'; size: number }
  | { kind: 'not-a-file' };

const CHUNK_BYTES = 64 * 1024;

/**
 * Reads a regular file of at most `maxBytes`. The file is opened without following a final
 * symlink and without blocking (a FIFO would otherwise wait for a writer), checked on the
 * open handle, and read in chunks that stop past the limit: a device such as /dev/zero,
 * a FIFO or a file that grows while read never makes it into memory.
 */
export async function readBoundedFile(
  path: string,
  maxBytes: number,
): Promise<BoundedRead> {
  const handle = await fs.open(
    path,
    constants.O_RDONLY |
      (constants.O_NONBLOCK ?? 0) |
      (constants.O_NOFOLLOW ?? 0),
  );
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) {
      return { kind: 'not-a-file' };
    }
    if (stat.size > maxBytes) {
      return { kind: 'too-large', size: stat.size };
    }
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(CHUNK_BYTES, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) {
        break;
      }
      total += bytesRead;
      if (total > maxBytes) {
        return { kind: 'too-large', size: total };
      }
      chunks.push(chunk.subarray(0, bytesRead));
    }
    return {
      kind: 'text',
      text: Buffer.concat(chunks, total).toString('utf8'),
    };
  } finally {
    await handle.close();
  }
}
