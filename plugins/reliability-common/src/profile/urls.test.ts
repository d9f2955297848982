import { httpUrl } from './urls';

describe('httpUrl', () => {
  it('keeps absolute http and https URLs, trimmed', () => {
    expect(httpUrl('https://wiki.example.com/runbooks/a')).toBe(
      'https://wiki.example.com/runbooks/a',
    );
    expect(httpUrl('  http://grafana.local:3000/d/x?a=1#b ')).toBe(
      'http://grafana.local:3000/d/x?a=1#b',
    );
    expect(httpUrl('HTTPS://Example.com/Path')).toBe(
      'HTTPS://Example.com/Path',
    );
  });

  it.each([
    ['a number', 42],
    ['undefined', undefined],
    ['an empty string', ''],
    ['a relative path', '/runbooks/a'],
    ['another scheme', 'ftp://files.example.com/a'],
    ['a scheme-relative URL', '//example.com/a'],
    ['a scheme without a host', 'http://'],
    ['a host with a space', 'https://exa mple.com/a'],
    ['an unclosed IPv6 host', 'http://[::1/a'],
    ['a bad port', 'https://example.com:99999/a'],
  ])('rejects %s', (_, value) => {
    expect(httpUrl(value)).toBeUndefined();
  });
});
