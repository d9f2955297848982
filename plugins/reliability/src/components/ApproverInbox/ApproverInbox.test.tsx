import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { InboxItem } from '@reliability-suite/plugin-reliability-common';
import { fill } from '../../__testUtils__/fill';
import { renderCoverage } from '../../__testUtils__/renderCoverage';
import { mockReliabilityApi } from '../../__testUtils__/renderForEntity';
import { ApproverInbox } from './ApproverInbox';
import { ApproverInboxSidebarItem } from './ApproverInboxSidebarItem';

jest.setTimeout(30_000);

const waiver: InboxItem = {
  type: 'waiver',
  id: 'w1',
  entityRef: 'component:default/checkout-api',
  entityTitle: 'Checkout API',
  checkId: 'load-test',
  checkTitle: 'Load test',
  requestedBy: 'user:default/guest',
  requesterName: 'Guest Owner',
  requestedAt: '2026-11-20T10:00:00.000Z',
  justification: 'Load-test cluster is being rebuilt',
  expiresAt: '2027-01-31T23:59:59.999Z',
  version: 1,
};
const review: InboxItem = {
  type: 'review',
  id: 'r1',
  entityRef: 'component:default/search',
  entityTitle: 'search',
  checkId: null,
  checkTitle: null,
  requestedBy: 'user:default/alice',
  requesterName: 'Alice',
  requestedAt: '2026-11-21T10:00:00.000Z',
  justification: null,
  expiresAt: null,
  version: 3,
};

describe('ApproverInbox', () => {
  it('lists each decision with names, the justification and a link to the check', async () => {
    const api = mockReliabilityApi();
    api.getInbox.mockResolvedValue({ items: [waiver, review] });
    await renderCoverage(<ApproverInbox />, {
      api,
      path: '/reliability/inbox',
    });

    const item = await screen.findByTestId('inbox-w1');
    expect(item).toHaveTextContent('Checkout API — Waiver of Load test');
    expect(item).toHaveTextContent(
      '“Load-test cluster is being rebuilt” — requested by Guest Owner on 20 Nov 2026, until 31 Jan 2027',
    );
    expect(
      within(item).getByRole('link', { name: 'Checkout API' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout-api/reliability#check-load-test',
    );
    const reviewItem = screen.getByTestId('inbox-r1');
    expect(reviewItem).toHaveTextContent('search — Readiness review');
    expect(reviewItem).toHaveTextContent('requested by Alice on 21 Nov 2026');
    expect(
      within(reviewItem).getByRole('button', { name: 'Sign off' }),
    ).toBeInTheDocument();
  });

  it('approves a waiver in place with a comment, then reloads', async () => {
    const api = mockReliabilityApi();
    api.getInbox
      .mockResolvedValueOnce({ items: [waiver] })
      .mockResolvedValueOnce({ items: [] });
    api.decideWaiver.mockResolvedValue({} as any);
    await renderCoverage(<ApproverInbox />, {
      api,
      path: '/reliability/inbox',
    });

    await userEvent.click(
      within(await screen.findByTestId('inbox-w1')).getByRole('button', {
        name: 'Approve',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent(
      'Approve waiver of load test for Checkout API',
    );
    await fill(
      within(dialog).getByLabelText(/Comment/),
      'Fine until the rebuild',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Approve' }),
    );

    await waitFor(() =>
      expect(api.decideWaiver).toHaveBeenCalledWith(
        { kind: 'component', namespace: 'default', name: 'checkout-api' },
        'w1',
        'approve',
        { comment: 'Fine until the rebuild', expectedVersion: 1 },
      ),
    );
    expect(
      await screen.findByText('Nothing is waiting for your decision.'),
    ).toBeInTheDocument();
  });

  it('rejects a review', async () => {
    const api = mockReliabilityApi();
    api.getInbox.mockResolvedValue({ items: [review] });
    api.decideReview.mockResolvedValue({} as any);
    await renderCoverage(<ApproverInbox />, {
      api,
      path: '/reliability/inbox',
    });
    await userEvent.click(
      within(await screen.findByTestId('inbox-r1')).getByRole('button', {
        name: 'Reject',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Alice is notified with your comment.');
    await fill(within(dialog).getByLabelText(/Comment/), 'Runbook missing');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Reject' }),
    );
    await waitFor(() =>
      expect(api.decideReview).toHaveBeenCalledWith(
        { kind: 'component', namespace: 'default', name: 'search' },
        'r1',
        'reject',
        { comment: 'Runbook missing', expectedVersion: 3 },
      ),
    );
  });

  it('shows the backend error', async () => {
    const api = mockReliabilityApi();
    api.getInbox.mockRejectedValue(new Error('backend down'));
    await renderCoverage(<ApproverInbox />, {
      api,
      path: '/reliability/inbox',
    });
    expect((await screen.findAllByText(/backend down/)).length).toBeGreaterThan(
      0,
    );
  });
});

describe('ApproverInboxSidebarItem', () => {
  it('shows how many decisions wait', async () => {
    const api = mockReliabilityApi();
    api.getInbox.mockResolvedValue({ items: [waiver, review] });
    await renderCoverage(<ApproverInboxSidebarItem />, { api });
    await waitFor(() =>
      expect(screen.getByTestId('approvals-count')).toHaveTextContent('2'),
    );
    expect(screen.getByRole('link', { name: /Approvals/ })).toHaveAttribute(
      'href',
      '/reliability/inbox',
    );
  });
});
