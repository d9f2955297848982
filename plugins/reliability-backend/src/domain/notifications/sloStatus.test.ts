import { decideSloStatus, type SloLiveState } from './sloStatus';

const REF = 'component:default/checkout-api';
const AT = '2026-12-01T12:00:00.000Z';

describe('decideSloStatus', () => {
  const states: Array<SloLiveState | null> = [
    null,
    'healthy',
    'warning',
    'critical',
    'exhausted',
    'unknown',
  ];
  const expected = (before: SloLiveState | null, after: SloLiveState) =>
    (after === 'critical' && before !== 'critical' && before !== 'exhausted') ||
    (after === 'exhausted' && before !== 'exhausted');

  for (const before of states) {
    for (const after of states.filter((s): s is SloLiveState => s !== null)) {
      it(`${before} -> ${after}`, () => {
        const intent = decideSloStatus({
          entityRef: REF,
          sloName: 'availability',
          before,
          after,
          observedAt: AT,
        });
        expect(intent !== null).toBe(expected(before, after));
      });
    }
  }

  it('adds the person on call and links to the tab', () => {
    expect(
      decideSloStatus({
        entityRef: REF,
        entityTitle: 'Checkout API',
        sloName: 'availability',
        before: 'warning',
        after: 'exhausted',
        onCallUserRef: 'user:default/jane',
        observedAt: AT,
      }),
    ).toEqual({
      key: `slo-status:${REF}:availability:exhausted:${AT}`,
      recipients: [REF, 'user:default/jane'],
      payload: {
        title: 'Checkout API: SLO availability is exhausted',
        description:
          'The error budget is spent. Stop risky releases and work on reliability until it recovers.',
        link: '/catalog/default/component/checkout-api/reliability',
        severity: 'critical',
        topic: 'SLO status',
        scope: `reliability:slo:${REF}:availability`,
      },
    });
  });
});
