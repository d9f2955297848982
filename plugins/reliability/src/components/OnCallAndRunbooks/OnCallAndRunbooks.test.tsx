import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { Settings } from 'luxon';
import {
  FIXTURE_NOW,
  tier1CheckoutReport,
  tier2UnreachableSloReport,
} from '../../__fixtures__/reports';
import { OnCallAndRunbooks } from './OnCallAndRunbooks';

describe('OnCallAndRunbooks', () => {
  const realNow = Settings.now;
  beforeEach(() => {
    Settings.now = () => Date.parse(FIXTURE_NOW);
  });
  afterEach(() => {
    Settings.now = realNow;
  });

  it('links the on-call service and the runbooks, with a stale chip', async () => {
    await renderInTestApp(
      <OnCallAndRunbooks report={tier1CheckoutReport} showDashboards />,
    );
    expect(
      screen.getByRole('link', { name: /^PagerDuty: PABC123/ }),
    ).toHaveAttribute(
      'href',
      'https://acme.pagerduty.com/service-directory/PABC123',
    );
    expect(
      screen.getByRole('link', { name: /^Checkout runbook/ }),
    ).toHaveAttribute('href', 'https://runbooks.acme.io/checkout');
    expect(
      screen.getByText('Reviewed 1 Mar 2026 (266 days ago)'),
    ).toBeInTheDocument();
    expect(screen.getByText('Stale')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /^Checkout golden signals/ }),
    ).toBeInTheDocument();
  });

  it('marks runbooks whose review is due soon', async () => {
    const report = {
      ...tier1CheckoutReport,
      runbooksReviewed: '2026-06-10',
      readiness: {
        ...tier1CheckoutReport.readiness!,
        checks: tier1CheckoutReport.readiness!.checks.map(check =>
          check.id === 'runbook-fresh'
            ? { ...check, state: 'warn' as const }
            : check,
        ),
      },
    };
    await renderInTestApp(<OnCallAndRunbooks report={report} />);
    expect(
      screen.getByText('Reviewed 10 Jun 2026 (165 days ago)'),
    ).toBeInTheDocument();
    expect(screen.getByText('Review due soon')).toBeInTheDocument();
    expect(screen.queryByText('Stale')).not.toBeInTheDocument();
    expect(screen.queryByText('Dashboards')).not.toBeInTheDocument();
  });

  it('shows a rotation without a link and explains what is missing', async () => {
    const report = {
      ...tier2UnreachableSloReport,
      runbooks: [
        { title: 'Payments runbook', url: 'https://runbooks.acme.io/payments' },
      ],
    };
    await renderInTestApp(<OnCallAndRunbooks report={report} showDashboards />);
    expect(
      screen.getByText('Rotation: #payments-oncall on Slack'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('reliability/runbooks-reviewed'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'No dashboard. Add a link of type dashboard to metadata.links.',
      ),
    ).toBeInTheDocument();
  });

  it('says when there is no on-call and no runbook', async () => {
    await renderInTestApp(
      <OnCallAndRunbooks
        report={{ ...tier2UnreachableSloReport, oncall: null }}
      />,
    );
    expect(screen.getByText(/No on-call rotation/)).toBeInTheDocument();
    expect(
      screen.getByText(
        'No runbook. Add a link of type runbook to metadata.links.',
      ),
    ).toBeInTheDocument();
  });
});
