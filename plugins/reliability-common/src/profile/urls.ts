/** The value as an absolute http(s) URL, or undefined. */
export function httpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || !/^https?:\/\//i.test(value.trim())) {
    return undefined;
  }
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:'
      ? value.trim()
      : undefined;
  } catch {
    return undefined;
  }
}
