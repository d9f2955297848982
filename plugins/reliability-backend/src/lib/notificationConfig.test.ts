import { ConfigReader } from '@backstage/config';
import {
  readNotificationSettings,
  targetRecipients,
} from './notificationConfig';

const read = (notifications: unknown) =>
  readNotificationSettings(
    new ConfigReader({ reliability: { notifications } } as any),
  );

describe('readNotificationSettings', () => {
  it('defaults to enabled with nobody extra and no cadence', () => {
    expect(readNotificationSettings(new ConfigReader({}))).toEqual({
      enabled: true,
      approvers: [],
      reviewCadenceDays: {},
    });
  });

  it('reads approvers as full refs and cadences per tier', () => {
    expect(
      read({
        enabled: false,
        approvers: ['group:sre-core', 'jane'],
        reviewCadenceDays: { '1': 90, none: 365 },
      }),
    ).toEqual({
      enabled: false,
      approvers: ['group:default/sre-core', 'user:default/jane'],
      reviewCadenceDays: { '1': 90, none: 365 },
    });
  });

  it.each([
    [{ approvers: ['not a ref!'] }, 'reliability.notifications.approvers[0]'],
    [
      { reviewCadenceDays: { '1': 0 } },
      'reliability.notifications.reviewCadenceDays.1',
    ],
    [
      { reviewCadenceDays: { gold: 90 } },
      'reliability.notifications.reviewCadenceDays',
    ],
    [{ enabled: 'yes' }, 'reliability.notifications.enabled'],
    [{ cadence: 1 }, 'reliability.notifications'],
  ])('names the bad key of %j', (value, key) => {
    expect(() => read(value)).toThrow(key);
  });
});

describe('targetRecipients', () => {
  it('keys the targets that notify by their configured fields', () => {
    expect(
      targetRecipients([
        {
          tier: 1,
          measure: 'withSlo',
          target: 0.8,
          by: '2027-06-30',
          notify: ['group:default/sre-core'],
        },
        { measure: 'ready', target: 0.5, by: '2027-06-30' },
        { measure: 'ready', target: 0.5, by: '2027-06-30', notify: [] },
      ]),
    ).toEqual(
      new Map([
        ['1:everyone:withSlo:0.8:2027-06-30', ['group:default/sre-core']],
      ]),
    );
  });
});
