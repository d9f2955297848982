import { decideCoverageOffTrack } from './coverageTarget';

const base = {
  targetId: 'tier-1-slo',
  description: '90% of tier-1 services with an SLO by 2027-03-31',
  explanation: 'At the current pace 71% by 2027-03-31.',
  recipients: ['group:default/sre-core'],
  today: '2026-12-01',
};

describe('decideCoverageOffTrack', () => {
  it.each([
    [null, true],
    ['on-track', true],
    ['met', true],
    ['off-track', false],
  ] as const)('from %p to off-track notifies: %s', (before, notifies) => {
    const intent = decideCoverageOffTrack({
      ...base,
      before,
      after: 'off-track',
    });
    expect(intent !== null).toBe(notifies);
  });

  it.each(['on-track', 'met'] as const)('is silent when turning %s', after => {
    expect(
      decideCoverageOffTrack({ ...base, before: 'off-track', after }),
    ).toBeNull();
  });

  it('is silent without recipients', () => {
    expect(
      decideCoverageOffTrack({
        ...base,
        recipients: [],
        before: 'met',
        after: 'off-track',
      }),
    ).toBeNull();
  });

  it('says what changed, to whom, keyed per target and day', () => {
    expect(
      decideCoverageOffTrack({
        ...base,
        before: 'on-track',
        after: 'off-track',
      }),
    ).toEqual({
      key: 'coverage-off-track:tier-1-slo:2026-12-01',
      recipients: ['group:default/sre-core'],
      payload: {
        title:
          'Coverage target off track: 90% of tier-1 services with an SLO by 2027-03-31',
        description:
          'At the current pace 71% by 2027-03-31. Look at the failing checks on the Reliability page and the teams behind them.',
        link: '/reliability',
        severity: 'high',
        topic: 'Coverage target off track',
        scope: 'reliability:coverage-target:tier-1-slo',
      },
    });
  });
});
