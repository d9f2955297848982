import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { checkoutEntity } from '../../__fixtures__/entities';
import {
  capacityReviewState,
  loadTestState,
  loadTestWaiver,
} from '../../__fixtures__/reviewState';
import { fill } from '../../__testUtils__/fill';
import {
  mockReliabilityApi,
  renderForEntity,
} from '../../__testUtils__/renderForEntity';
import { WaiverApprovalList } from './WaiverApprovalList';

jest.setTimeout(30_000);

const ref = { kind: 'Component', namespace: 'default', name: 'checkout' };

async function renderList(options: {
  currentUser: string;
  approve?: boolean;
  api?: ReturnType<typeof mockReliabilityApi>;
}) {
  const api = options.api ?? mockReliabilityApi();
  const onChanged = jest.fn();
  await renderForEntity(
    <WaiverApprovalList
      entityRef={ref}
      checks={[loadTestState, capacityReviewState]}
      allowed={{ requestWaiver: true, approveWaiver: options.approve ?? true }}
      currentUser={options.currentUser}
      approverGroup={null}
      maxWaiverDays={180}
      onChanged={onChanged}
    />,
    { entity: checkoutEntity, api },
  );
  return { api, onChanged };
}

describe('WaiverApprovalList', () => {
  it('lists a pending waiver with its justification, requester and expiry', async () => {
    await renderList({ currentUser: 'user:default/sre-lead' });
    const item = screen.getByTestId(`waiver-${loadTestWaiver.id}`);
    expect(item).toHaveTextContent('Load test');
    expect(item).toHaveTextContent('Awaiting approval');
    expect(item).toHaveTextContent('Load-test cluster is being rebuilt');
    expect(item).toHaveTextContent(
      'requested by Guest User on 20 Nov 2026, until 31 Jan 2027',
    );
  });

  it('lets an approver approve with a comment and the waiver version', async () => {
    const api = mockReliabilityApi();
    api.decideWaiver.mockResolvedValue({} as any);
    const { onChanged } = await renderList({
      currentUser: 'user:default/sre-lead',
      api,
    });
    const item = screen.getByTestId(`waiver-${loadTestWaiver.id}`);
    await userEvent.click(
      within(item).getByRole('button', { name: 'Approve' }),
    );
    await fill(
      screen.getByRole('textbox', { name: /Comment/ }),
      'OK until the cluster is back',
    );
    await userEvent.click(
      within(screen.getByRole('dialog')).getByRole('button', {
        name: 'Approve',
      }),
    );
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(api.decideWaiver).toHaveBeenCalledWith(
      ref,
      loadTestWaiver.id,
      'approve',
      { comment: 'OK until the cluster is back', expectedVersion: 1 },
    );
  });

  it('does not offer approval of your own request', async () => {
    await renderList({ currentUser: 'user:default/guest' });
    expect(
      screen.queryByRole('button', { name: 'Approve' }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByText('Your request: another approver decides'),
    ).toBeInTheDocument();
  });

  it('shows no decision buttons without the approve permission', async () => {
    await renderList({ currentUser: 'user:default/alice', approve: false });
    expect(
      screen.queryByRole('button', { name: 'Approve' }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Request waiver' }),
    ).toBeInTheDocument();
  });
});
