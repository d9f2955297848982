import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { checkoutEntity } from '../../__fixtures__/entities';
import { tier1CheckoutReport } from '../../__fixtures__/reports';
import {
  mockReliabilityApi,
  renderForEntity,
} from '../../__testUtils__/renderForEntity';
import { RefreshReportButton } from './RefreshReportButton';

describe('RefreshReportButton', () => {
  it('asks the backend to re-evaluate the entity, then reports back', async () => {
    const api = mockReliabilityApi();
    let finishRefresh: () => void = () => {};
    api.refresh.mockReturnValue(
      new Promise(resolve => {
        finishRefresh = () => resolve(tier1CheckoutReport);
      }),
    );
    const onRefreshed = jest.fn();
    const { alertApi } = await renderForEntity(
      <RefreshReportButton entity={checkoutEntity} onRefreshed={onRefreshed} />,
      { entity: checkoutEntity, api },
    );

    await userEvent.click(screen.getByRole('button', { name: /Refresh/ }));
    expect(screen.getByRole('button', { name: /Refresh/ })).toBeDisabled();
    expect(onRefreshed).not.toHaveBeenCalled();

    finishRefresh();
    await waitFor(() => expect(onRefreshed).toHaveBeenCalledTimes(1));
    expect(api.refresh).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'checkout',
    });
    await waitFor(() =>
      expect(screen.getByRole('button', { name: /Refresh/ })).toBeEnabled(),
    );
    expect(alertApi.post).toHaveBeenCalledWith({
      message: 'Re-evaluated: readiness 71 / 100, not ready.',
      severity: 'success',
      display: 'transient',
    });
  });
});
