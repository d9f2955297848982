import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { checkoutEntity } from '../../__fixtures__/entities';
import { historyPage } from '../../__fixtures__/reviewState';
import {
  mockReliabilityApi,
  renderForEntity,
} from '../../__testUtils__/renderForEntity';
import { ReliabilityHistory } from './ReliabilityHistory';

jest.setTimeout(30_000);

const ref = { kind: 'Component', namespace: 'default', name: 'checkout' };

describe('ReliabilityHistory', () => {
  it('lists who did what when, and loads older pages', async () => {
    const api = mockReliabilityApi();
    api.getReviewHistory
      .mockResolvedValueOnce(historyPage)
      .mockResolvedValueOnce({
        items: [
          {
            ...historyPage.items[1],
            id: '3',
            action: 'review-signed-off',
            checkId: null,
            actor: 'user:default/sre-lead',
            occurredAt: '2026-09-01T12:00:00.000Z',
            comment: 'Ready',
          },
        ],
        nextCursor: null,
      });
    await renderForEntity(
      <ReliabilityHistory
        entityRef={ref}
        titles={{ 'load-test': 'Load test', 'rollback-plan': 'Rollback plan' }}
      />,
      { entity: checkoutEntity, api },
    );

    const newest = await screen.findByTestId('history-12');
    expect(newest).toHaveTextContent('20 Nov 2026');
    expect(newest).toHaveTextContent('Guest User');
    expect(newest).not.toHaveTextContent('user:default/guest');
    expect(newest).toHaveTextContent('Requested waiver · Load test');
    expect(newest).toHaveTextContent('Load-test cluster is being rebuilt');
    expect(screen.getByTestId('history-11')).toHaveTextContent(
      'Attested · Rollback plan',
    );

    await userEvent.click(
      screen.getByRole('button', { name: 'Load older entries' }),
    );
    expect(await screen.findByTestId('history-3')).toHaveTextContent(
      'Signed off review',
    );
    expect(api.getReviewHistory).toHaveBeenLastCalledWith(ref, {
      limit: 10,
      cursor: '11',
    });
    await waitFor(() =>
      expect(
        screen.queryByRole('button', { name: 'Load older entries' }),
      ).not.toBeInTheDocument(),
    );
  });

  it('says when nothing happened yet', async () => {
    const api = mockReliabilityApi();
    api.getReviewHistory.mockResolvedValue({ items: [], nextCursor: null });
    await renderForEntity(<ReliabilityHistory entityRef={ref} titles={{}} />, {
      entity: checkoutEntity,
      api,
    });
    expect(
      await screen.findByText('Nothing attested, waived or reviewed yet.'),
    ).toBeInTheDocument();
  });
});
