import { decideExpiryWarning, expiryStage, type ExpiringItem } from './expiry';

const NOW = new Date('2026-12-01T12:00:00.000Z');
const inDays = (days: number) =>
  new Date(NOW.getTime() + days * 24 * 60 * 60 * 1000).toISOString();

describe('expiryStage', () => {
  it.each([
    [30, null],
    [14.01, null],
    [14, 14],
    [10, 14],
    [3.01, 14],
    [3, 3],
    [0.5, 3],
    [0, null],
    [-1, null],
  ])('%s days left -> %s', (days, stage) => {
    expect(expiryStage(inDays(days), NOW)).toBe(stage);
  });

  it('is null for an unreadable date', () => {
    expect(expiryStage('soon', NOW)).toBeNull();
  });
});

describe('decideExpiryWarning', () => {
  const attestation: ExpiringItem = {
    kind: 'attestation',
    id: 'a1',
    entityRef: 'component:default/checkout-api',
    entityTitle: 'Checkout API',
    checkId: 'rollback-plan',
    checkTitle: 'Rollback plan',
    expiresAt: inDays(10),
  };

  it('warns the owners 14 days ahead, with a link to the check', () => {
    expect(decideExpiryWarning(attestation, NOW)).toEqual({
      key: 'expiring:attestation:a1:14',
      recipients: ['component:default/checkout-api'],
      payload: {
        title: `Checkout API: attestation of Rollback plan expires on ${attestation.expiresAt.slice(
          0,
          10,
        )}`,
        description:
          'Within 14 days the check stops passing. Re-attest it with fresh evidence.',
        link: '/catalog/default/component/checkout-api/reliability#check-rollback-plan',
        severity: 'normal',
        topic: 'Attestation or waiver expiring',
        scope: 'reliability:expiring:attestation:a1',
      },
    });
  });

  it('warns again 3 days ahead under a new key and the same scope', () => {
    const intent = decideExpiryWarning(
      { ...attestation, expiresAt: inDays(2) },
      NOW,
    );
    expect(intent?.key).toBe('expiring:attestation:a1:3');
    expect(intent?.payload.scope).toBe('reliability:expiring:attestation:a1');
    expect(intent?.payload.severity).toBe('high');
  });

  it('tells a waiver apart', () => {
    const intent = decideExpiryWarning(
      { ...attestation, kind: 'waiver', id: 'w1' },
      NOW,
    );
    expect(intent?.key).toBe('expiring:waiver:w1:14');
    expect(intent?.payload.description).toContain('request a new waiver');
  });

  it('is silent far from expiry and after it', () => {
    expect(
      decideExpiryWarning({ ...attestation, expiresAt: inDays(20) }, NOW),
    ).toBeNull();
    expect(
      decideExpiryWarning({ ...attestation, expiresAt: inDays(-1) }, NOW),
    ).toBeNull();
  });
});
