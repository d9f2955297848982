import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { checkoutEntity } from '../../__fixtures__/entities';
import { tier1CheckoutReport } from '../../__fixtures__/reports';
import {
  allowAll,
  capacityReviewState,
  loadTestState,
  rollbackPlanState,
} from '../../__fixtures__/reviewState';
import {
  mockReliabilityApi,
  renderForEntity,
} from '../../__testUtils__/renderForEntity';
import { AttestationList } from './AttestationList';

jest.setTimeout(30_000);

const ref = { kind: 'Component', namespace: 'default', name: 'checkout' };
const checks = [rollbackPlanState, loadTestState, capacityReviewState];

async function renderList(
  options: {
    allowed?: typeof allowAll;
    api?: ReturnType<typeof mockReliabilityApi>;
  } = {},
) {
  const api = options.api ?? mockReliabilityApi();
  const onChanged = jest.fn();
  await renderForEntity(
    <AttestationList
      entityRef={ref}
      checks={checks}
      results={tier1CheckoutReport.readiness!.checks}
      allowed={options.allowed ?? allowAll}
      maxWaiverDays={180}
      onChanged={onChanged}
      now={new Date('2026-11-22T10:00:00Z')}
    />,
    { entity: checkoutEntity, api },
  );
  return { api, onChanged };
}

describe('AttestationList', () => {
  it('shows evidence, attester, date and expiry, and flags expired attestations', async () => {
    await renderList();
    const rollback = screen.getByTestId('attested-rollback-plan');
    expect(
      within(rollback).getByRole('link', { name: /Evidence/ }),
    ).toHaveAttribute('href', 'https://wiki.example.com/checkout/rollback');
    expect(rollback).toHaveTextContent('Guest User, 1 Oct 2026');
    expect(rollback).toHaveTextContent('1 Oct 2027');
    expect(within(rollback).queryByText('Expired')).not.toBeInTheDocument();

    const loadTest = screen.getByTestId('attested-load-test');
    expect(within(loadTest).getByText('Expired')).toBeInTheDocument();

    const capacity = screen.getByTestId('attested-capacity-review');
    expect(capacity).toHaveTextContent('Not attested');
    expect(
      within(capacity).getByRole('button', { name: 'Attest' }),
    ).toBeInTheDocument();
    expect(
      within(capacity).queryByRole('button', { name: 'Revoke' }),
    ).not.toBeInTheDocument();
  });

  it('hides the actions the user may not take', async () => {
    await renderList({
      allowed: {
        ...allowAll,
        attest: false,
        revokeAttestation: false,
        requestWaiver: false,
      },
    });
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(
      screen.getByText(
        'Only members of the team that owns this entity attest checks or request waivers.',
      ),
    ).toBeInTheDocument();
  });

  it('shows a pending waiver on its row instead of offering another request', async () => {
    await renderList();
    const loadTest = screen.getByTestId('attested-load-test');
    expect(
      within(loadTest).getByText('Waiver awaiting approval'),
    ).toBeInTheDocument();
    expect(
      within(loadTest).queryByRole('button', { name: 'Request waiver' }),
    ).not.toBeInTheDocument();
    const rollback = screen.getByTestId('attested-rollback-plan');
    expect(
      within(rollback).getByRole('button', { name: 'Request waiver' }),
    ).toBeInTheDocument();
    expect(
      within(rollback).queryByText('Waiver awaiting approval'),
    ).not.toBeInTheDocument();
    // An owner who may act is not told that only owners may.
    expect(screen.queryByText(/^Only members of the team/)).toBeNull();
  });

  it('revokes with the attestation version and reports the change', async () => {
    const api = mockReliabilityApi();
    api.revokeAttestation.mockResolvedValue({} as any);
    const { onChanged } = await renderList({ api });
    const rollback = screen.getByTestId('attested-rollback-plan');
    await userEvent.click(
      within(rollback).getByRole('button', { name: 'Revoke' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Revoke' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(api.revokeAttestation).toHaveBeenCalledWith(ref, 'rollback-plan', {
      comment: undefined,
      expectedVersion: 2,
    });
  });

  it('opens the attest dialog for the chosen check', async () => {
    await renderList();
    const capacity = screen.getByTestId('attested-capacity-review');
    await userEvent.click(
      within(capacity).getByRole('button', { name: 'Attest' }),
    );
    expect(
      screen.getByRole('dialog', { name: 'Attest: Capacity review' }),
    ).toBeInTheDocument();
  });
});
