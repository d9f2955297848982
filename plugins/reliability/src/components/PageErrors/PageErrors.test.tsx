import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/test-utils';
import useAsync from 'react-use/esm/useAsync';
import { CardError, PageErrorsProvider, usePageRetry } from './PageErrors';

function Card(props: { name: string; load: () => Promise<string> }) {
  const attempt = usePageRetry();
  const { value, error } = useAsync(props.load, [attempt]);
  return (
    <section aria-label={props.name}>
      <CardError error={error} />
      {value}
    </section>
  );
}

describe('PageErrors', () => {
  it('shows one error with one Retry for all failing cards, and Retry reloads them', async () => {
    const load = jest
      .fn<Promise<string>, []>()
      .mockRejectedValueOnce(new Error('Request failed with 500'))
      .mockRejectedValueOnce(new Error('Request failed with 500'))
      .mockResolvedValue('loaded');
    await renderInTestApp(
      <PageErrorsProvider>
        <Card name="first" load={load} />
        <Card name="second" load={load} />
      </PageErrorsProvider>,
    );

    expect(
      await screen.findByText('2 parts of this page could not be loaded.'),
    ).toBeInTheDocument();
    // One error panel (Backstage's panel is an alert), not one per card.
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    expect(screen.getAllByRole('button', { name: 'Retry' })).toHaveLength(1);
    expect(
      screen.getAllByText('Not loaded: see the error at the top of the page.'),
    ).toHaveLength(2);

    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(screen.getAllByText('loaded')).toHaveLength(2));
    expect(load).toHaveBeenCalledTimes(4);
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    expect(screen.queryByText(/could not be loaded/)).toBeNull();
  });

  it('shows the error in the card itself outside a page that collects them', async () => {
    await renderInTestApp(
      <Card
        name="alone"
        load={() => Promise.reject(new Error('Request failed with 503'))}
      />,
    );
    expect(
      (await screen.findAllByText(/Request failed with 503/)).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByText(/see the error at the top/)).toBeNull();
  });
});
