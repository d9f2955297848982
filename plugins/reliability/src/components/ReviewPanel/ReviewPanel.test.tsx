import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { checkoutEntity } from '../../__fixtures__/entities';
import {
  latestReviewResponse,
  pendingReview,
  signedOffReview,
} from '../../__fixtures__/reviewState';
import { fill } from '../../__testUtils__/fill';
import {
  mockReliabilityApi,
  renderForEntity,
} from '../../__testUtils__/renderForEntity';
import { ReviewPanel } from './ReviewPanel';

jest.setTimeout(30_000);

const ref = { kind: 'Component', namespace: 'default', name: 'checkout' };

async function renderPanel(options: {
  latest?: typeof latestReviewResponse;
  currentUser?: string;
  allowed?: { requestReview: boolean; signOffReview: boolean };
  api?: ReturnType<typeof mockReliabilityApi>;
}) {
  const api = options.api ?? mockReliabilityApi();
  const onChanged = jest.fn();
  await renderForEntity(
    <ReviewPanel
      entityRef={ref}
      latest={options.latest ?? latestReviewResponse}
      allowed={options.allowed ?? { requestReview: true, signOffReview: true }}
      currentUser={options.currentUser ?? 'user:default/sre-lead'}
      titles={{ 'rollback-plan': 'Rollback plan' }}
      onChanged={onChanged}
    />,
    { entity: checkoutEntity, api },
  );
  return { api, onChanged };
}

describe('ReviewPanel', () => {
  it('shows the last outcome, approver, date and what changed since', async () => {
    await renderPanel({});
    const decided = screen.getByTestId('decided-review');
    expect(decided).toHaveTextContent('Signed off by Sam Reyes on 1 Sep 2026');
    expect(decided).toHaveTextContent('Ready; book the load test');
    expect(decided).toHaveTextContent('Score then 70, now 80');
    const change = screen.getByTestId('change-rollback-plan');
    expect(change).toHaveTextContent('Rollback plan');
    expect(change).toHaveTextContent(/Fail.*Pass/);
  });

  it('signs off the pending review with its version', async () => {
    const api = mockReliabilityApi();
    api.decideReview.mockResolvedValue({} as any);
    const { onChanged } = await renderPanel({ api });
    expect(screen.getByTestId('pending-review')).toHaveTextContent(
      'Review requested by Guest User on 21 Nov 2026',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Sign off' }));
    await fill(
      screen.getByRole('textbox', { name: /Comment/ }),
      'Ready for the peak',
    );
    await userEvent.click(
      within(screen.getByRole('dialog')).getByRole('button', {
        name: 'Sign off',
      }),
    );
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(api.decideReview).toHaveBeenCalledWith(
      ref,
      pendingReview.id,
      'sign-off',
      { comment: 'Ready for the peak', expectedVersion: 1 },
    );
  });

  it('does not offer to sign off your own request, nor a second request', async () => {
    await renderPanel({ currentUser: 'user:default/guest' });
    expect(
      screen.queryByRole('button', { name: 'Sign off' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Request review' }),
    ).not.toBeInTheDocument();
  });

  it('requests a review when none is pending', async () => {
    const api = mockReliabilityApi();
    api.requestReview.mockResolvedValue({} as any);
    const { onChanged } = await renderPanel({
      api,
      latest: { ...latestReviewResponse, review: signedOffReview },
      allowed: { requestReview: true, signOffReview: false },
    });
    expect(screen.queryByTestId('pending-review')).not.toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Request review' }),
    );
    await userEvent.click(
      within(screen.getByRole('dialog')).getByRole('button', {
        name: 'Request review',
      }),
    );
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(api.requestReview).toHaveBeenCalledWith(ref, {
      comment: undefined,
    });
  });

  it('says when there is no review yet', async () => {
    await renderPanel({
      latest: { review: null, decided: null, changes: [], current: null },
      allowed: { requestReview: false, signOffReview: false },
    });
    expect(screen.getByText('No readiness review yet.')).toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
