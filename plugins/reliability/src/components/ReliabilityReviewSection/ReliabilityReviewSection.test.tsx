import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { mockApis } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { checkoutEntity } from '../../__fixtures__/entities';
import { tier1CheckoutReport } from '../../__fixtures__/reports';
import {
  checkoutReviewState,
  historyPage,
  latestReviewResponse,
} from '../../__fixtures__/reviewState';
import { fill } from '../../__testUtils__/fill';
import {
  mockReliabilityApi,
  renderForEntity,
} from '../../__testUtils__/renderForEntity';
import { ReliabilityReviewSection } from './ReliabilityReviewSection';

jest.setTimeout(30_000);

function apiWithData() {
  const api = mockReliabilityApi();
  api.getReviewState.mockResolvedValue(checkoutReviewState);
  api.getLatestReview.mockResolvedValue(latestReviewResponse);
  api.getReviewHistory.mockResolvedValue(historyPage);
  return api;
}

describe('ReliabilityReviewSection', () => {
  it('shows attested checks, waivers, the review and the history', async () => {
    const api = apiWithData();
    await renderForEntity(
      <ReliabilityReviewSection
        entity={checkoutEntity}
        report={tier1CheckoutReport}
        onReportChanged={jest.fn()}
      />,
      { entity: checkoutEntity, api },
    );
    expect(
      await screen.findByTestId('attested-rollback-plan'),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('attested-owner')).not.toBeInTheDocument();
    expect(screen.getByTestId('decided-review')).toBeInTheDocument();
    expect(await screen.findByTestId('history-12')).toBeInTheDocument();
    expect(
      screen.getAllByRole('button', { name: 'Re-attest' }).length,
    ).toBeGreaterThan(0);
  });

  it('shows no write actions when the permission framework denies them', async () => {
    const api = apiWithData();
    // usePermission caches decisions per permission and resource across tests: use another ref.
    const entity = {
      ...checkoutEntity,
      metadata: { ...checkoutEntity.metadata, name: 'checkout-readonly' },
    };
    await renderForEntity(
      <ReliabilityReviewSection
        entity={entity}
        report={tier1CheckoutReport}
        onReportChanged={jest.fn()}
      />,
      {
        entity,
        api,
        permission: mockApis.permission({ authorize: AuthorizeResult.DENY }),
      },
    );
    await screen.findByTestId('attested-rollback-plan');
    for (const name of [
      'Attest',
      'Re-attest',
      'Revoke',
      'Request waiver',
      'Approve',
      'Sign off',
      'Request review',
    ]) {
      expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
    }
  });

  it('reloads the report, review state and history after a write', async () => {
    const api = apiWithData();
    api.attest.mockResolvedValue({} as any);
    const onReportChanged = jest.fn();
    await renderForEntity(
      <ReliabilityReviewSection
        entity={checkoutEntity}
        report={tier1CheckoutReport}
        onReportChanged={onReportChanged}
      />,
      { entity: checkoutEntity, api },
    );
    const capacity = await screen.findByTestId('attested-capacity-review');
    await userEvent.click(
      within(capacity).getByRole('button', { name: 'Attest' }),
    );
    await fill(
      screen.getByRole('textbox', { name: /Evidence URL/ }),
      'https://docs.example.com/capacity',
    );
    await fill(screen.getByRole('textbox', { name: /Comment/ }), 'Reviewed');
    await userEvent.click(
      within(screen.getByRole('dialog')).getByRole('button', {
        name: 'Attest',
      }),
    );
    await waitFor(() => expect(onReportChanged).toHaveBeenCalled());
    await waitFor(() => expect(api.getReviewState).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(api.getReviewHistory).toHaveBeenCalledTimes(2));
  });
});
