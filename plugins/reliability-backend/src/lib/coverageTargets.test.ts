import { ConfigReader } from '@backstage/config';
import { describeTarget, readCoverageTargets } from './coverageTargets';

const read = (targets: unknown) =>
  readCoverageTargets(
    new ConfigReader({ reliability: { coverage: { targets } } } as any),
  );

describe('readCoverageTargets', () => {
  it('reads nothing when not configured', () => {
    expect(readCoverageTargets(new ConfigReader({}))).toEqual([]);
  });

  it('reads targets and resolves owner refs', () => {
    expect(
      read([
        { tier: 1, measure: 'withSlo', target: 0.8, by: '2027-06-30' },
        {
          measure: 'ready',
          target: 1,
          by: '2027-12-31',
          owner: 'payments',
          title: 'Payments all ready',
        },
      ]),
    ).toEqual([
      { tier: 1, measure: 'withSlo', target: 0.8, by: '2027-06-30' },
      {
        measure: 'ready',
        target: 1,
        by: '2027-12-31',
        owner: 'group:default/payments',
        title: 'Payments all ready',
      },
    ]);
  });

  it.each([
    [
      { measure: 'withSlo', target: 80, by: '2027-06-30' },
      'reliability.coverage.targets[0].target: must be a share between 0 and 1, e.g. 0.8 (not a percentage)',
    ],
    [
      { measure: 'withSlos', target: 0.8, by: '2027-06-30' },
      'reliability.coverage.targets[0].measure: must be one of',
    ],
    [
      { measure: 'withSlo', target: 0.8, by: '2027-02-30' },
      'reliability.coverage.targets[0].by: must be a real calendar date',
    ],
    [
      { measure: 'withSlo', target: 0.8, by: '30/06/2027' },
      'reliability.coverage.targets[0].by: must be a date as YYYY-MM-DD',
    ],
    [
      { tier: -1, measure: 'withSlo', target: 0.8, by: '2027-06-30' },
      'reliability.coverage.targets[0].tier',
    ],
    [
      { measure: 'withSlo', target: 0.8, by: '2027-06-30', owner: 'a:b:c' },
      'reliability.coverage.targets[0].owner: must be an entity ref',
    ],
    [
      { measure: 'withSlo', target: 0.8, by: '2027-06-30', typo: true },
      'reliability.coverage.targets[0]',
    ],
  ])('rejects %j naming the key', (target, message) => {
    expect(() => read([target])).toThrow(message);
  });
});

describe('describeTarget', () => {
  it('names tier, measure, share and deadline', () => {
    expect(
      describeTarget(
        { tier: 1, measure: 'withSlo', target: 0.8, by: '2027-06-30' },
        'With SLO',
      ),
    ).toBe('Tier 1: With SLO >= 80% by 2027-06-30');
    expect(
      describeTarget(
        {
          measure: 'ready',
          target: 0.5,
          by: '2027-06-30',
          owner: 'group:default/payments',
        },
        'Ready',
      ),
    ).toBe('All tiers (group:default/payments): Ready >= 50% by 2027-06-30');
  });

  it('prefers a configured title', () => {
    expect(
      describeTarget(
        { measure: 'ready', target: 0.5, by: '2027-06-30', title: 'Mine' },
        'Ready',
      ),
    ).toBe('Mine');
  });
});
