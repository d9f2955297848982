/** The value as an absolute http(s) URL, or undefined. */
export function httpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const trimmed = value.trim();
  // The scheme test makes the protocol http: or https:, so all that is left to know is
  // whether the rest parses; canParse answers that without building a URL object.
  return /^https?:\/\//i.test(trimmed) && URL.canParse(trimmed)
    ? trimmed
    : undefined;
}
