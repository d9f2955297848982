import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import type { OnCallLive } from '@reliability-suite/plugin-reliability-common';
import { OnCallDetails } from './OnCallDetails';

const live: OnCallLive = {
  state: 'ok',
  fetchedAt: '2026-12-07T10:00:00.000Z',
  levels: [
    {
      level: 1,
      name: 'payments-primary',
      onCall: [
        {
          ref: 'user:default/maria.garcia',
          name: 'María García',
          until: '2026-12-07T13:00:00.000Z',
        },
      ],
    },
    {
      level: 2,
      name: 'sre-secondary',
      onCall: [{ ref: null, name: 'Linus T.', until: null }],
    },
  ],
  nextHandoff: '2026-12-07T13:00:00.000Z',
  gapsNext14Days: [
    { start: '2026-12-12T00:00:00.000Z', end: '2026-12-14T00:00:00.000Z' },
  ],
  peopleNext14Days: 3,
  reason: null,
  shifts: [
    {
      level: 1,
      ref: 'user:default/maria.garcia',
      name: 'María García',
      start: '2026-12-07T10:00:00.000Z',
      end: '2026-12-07T13:00:00.000Z',
    },
    {
      level: 1,
      ref: 'user:default/tom.becker',
      name: 'Tom Becker',
      start: '2026-12-07T13:00:00.000Z',
      end: '2026-12-12T00:00:00.000Z',
    },
  ],
  incidents: [
    {
      id: 'Q1',
      title: 'Refunds stuck',
      status: 'triggered',
      createdAt: '2026-12-07T09:00:00.000Z',
      url: 'https://acme.pagerduty.com/incidents/Q1',
    },
  ],
};

describe('OnCallDetails', () => {
  it('shows the escalation ladder, the next 14 days with their gaps, and open incidents', async () => {
    await renderInTestApp(<OnCallDetails live={live} />);
    const ladder = screen.getByRole('list', { name: 'Escalation levels' });
    const levels = within(ladder).getAllByRole('listitem');
    expect(levels[0]).toHaveTextContent(
      'payments-primary: María García until 7 Dec 2026, 13:00 UTC',
    );
    expect(levels[1]).toHaveTextContent(
      'sre-secondary: Linus T. (no handoff in sight)',
    );
    expect(screen.getByText('Next 14 days (3 people)')).toBeInTheDocument();
    expect(screen.getByLabelText('Uncovered time')).toHaveTextContent(
      'Nobody on call: 12 Dec 2026, 00:00 UTC – 14 Dec 2026, 00:00 UTC',
    );
    const table = screen.getByRole('table', { name: 'Next 14 days' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(within(table).getByText('Tom Becker')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /^Refunds stuck/ }),
    ).toHaveAttribute('href', 'https://acme.pagerduty.com/incidents/Q1');
  });

  it('renders nothing without usable live data', async () => {
    const { container } = await renderInTestApp(
      <OnCallDetails live={{ ...live, state: 'unavailable', levels: [] }} />,
    );
    expect(container).toBeEmptyDOMElement();
  });
});
