import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import type {
  OnCallInfo,
  OnCallLive,
} from '@reliability-suite/plugin-reliability-common';
import { OnCallNow } from './OnCallNow';

const live: OnCallLive = {
  state: 'ok',
  fetchedAt: '2026-12-07T10:00:00.000Z',
  levels: [
    {
      level: 1,
      name: 'checkout-primary',
      onCall: [
        {
          ref: 'user:default/alice.chen',
          name: 'Alice Chen',
          email: 'alice.chen@acme.example',
          until: '2026-12-14T08:00:00.000Z',
        },
      ],
    },
  ],
  nextHandoff: '2026-12-14T08:00:00.000Z',
  gapsNext14Days: [],
  peopleNext14Days: 3,
  reason: null,
  provider: 'pagerduty',
  target: {
    exists: true,
    enabled: true,
    name: 'Checkout',
    url: 'https://acme.pagerduty.com/service-directory/PX4K2QF',
  },
};
const oncall = (overrides: Partial<OnCallLive> | null): OnCallInfo => ({
  provider: 'pagerduty',
  reference: 'PX4K2QF',
  annotation: 'pagerduty.com/service-id',
  live: overrides === null ? null : { ...live, ...overrides },
});

describe('OnCallNow', () => {
  it('names the person on call, their contact and until when, and links the provider', async () => {
    await renderInTestApp(<OnCallNow oncall={oncall({})} />);
    expect(screen.getByText('Alice Chen')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /alice.chen@acme.example/ }),
    ).toHaveAttribute('href', 'mailto:alice.chen@acme.example');
    expect(
      screen.getByText(/until 14 Dec 2026, 08:00 UTC/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /PagerDuty: PX4K2QF/ }),
    ).toHaveAttribute(
      'href',
      'https://acme.pagerduty.com/service-directory/PX4K2QF',
    );
  });

  it('says why nobody is shown: unavailable, not connected, deleted, nobody on call', async () => {
    const { rerender } = await renderInTestApp(
      <OnCallNow
        oncall={oncall({
          state: 'unavailable',
          levels: [],
          reason: 'PagerDuty: answered 503 for /services/PX4K2QF',
        })}
      />,
    );
    expect(
      screen.getByText(
        'Who is on call could not be read: PagerDuty: answered 503 for /services/PX4K2QF.',
      ),
    ).toBeInTheDocument();
    rerender(
      <OnCallNow
        oncall={oncall({
          state: 'not-configured',
          levels: [],
          reason: 'PagerDuty (reliability.oncall.pagerduty) is not configured',
        })}
      />,
    );
    expect(screen.getByText(/Not connected: PagerDuty/)).toBeInTheDocument();
    rerender(
      <OnCallNow
        oncall={oncall({
          target: { exists: false, enabled: false },
          levels: [],
        })}
      />,
    );
    expect(
      screen.getByText('This on-call target does not exist at the provider.'),
    ).toBeInTheDocument();
    rerender(
      <OnCallNow oncall={oncall({ levels: [{ level: 1, onCall: [] }] })} />,
    );
    expect(
      screen.getByText('Nobody is on call right now.'),
    ).toBeInTheDocument();
  });

  it('shows the key alone when nothing can be asked, and a hint without a key', async () => {
    const { rerender } = await renderInTestApp(
      <OnCallNow oncall={oncall(null)} />,
    );
    expect(screen.getByText('PagerDuty: PX4K2QF')).toBeInTheDocument();
    rerender(<OnCallNow oncall={null} />);
    expect(screen.getByText(/No on-call rotation/)).toBeInTheDocument();
  });
});
