import { readBoundedFile } from './readBoundedFile';

describe('readBoundedFile', () => {
  it('refuses a device without reading it', async () => {
    await expect(readBoundedFile('/dev/zero', 100)).resolves.toEqual({
      kind: 'not-a-file',
    });
  });

  it('stops past the limit even when the size on disk says 0', async () => {
    // /proc files report size 0: only the limit while reading catches them.
    await expect(readBoundedFile('/proc/self/status', 10)).resolves.toEqual({
      kind: 'too-large',
      size: 11,
    });
  });
});
