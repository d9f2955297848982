import { mapWithConcurrency } from './mapWithConcurrency';

describe('mapWithConcurrency', () => {
  it('keeps the input order and never exceeds the limit', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const result = await mapWithConcurrency(
      [5, 1, 4, 2, 3, 0, 6],
      3,
      async (value, index) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise(resolve => setTimeout(resolve, value));
        inFlight--;
        return `${index}:${value}`;
      },
    );
    expect(result).toEqual(['0:5', '1:1', '2:4', '3:2', '4:3', '5:0', '6:6']);
    expect(maxInFlight).toBe(3);
  });

  it('handles an empty list and propagates failures', async () => {
    await expect(mapWithConcurrency([], 4, async () => 1)).resolves.toEqual([]);
    await expect(
      mapWithConcurrency([1, 2], 2, async v => {
        if (v === 2) throw new Error('boom');
        return v;
      }),
    ).rejects.toThrow('boom');
  });
});
