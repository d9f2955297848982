import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { ReliabilityEmptyState } from './ReliabilityEmptyState';

describe('ReliabilityEmptyState', () => {
  it('explains the scope and shows the annotations of an in-scope entity', async () => {
    await renderInTestApp(<ReliabilityEmptyState reason="out-of-scope" />);
    expect(
      screen.getByText('Not covered by the reliability policy'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Components of type service or website/),
    ).toBeInTheDocument();
    expect(screen.getByText('reliability/tier')).toBeInTheDocument();
    // the YAML example is split into highlighted tokens; read it as a whole
    expect(document.body.textContent).toContain('reliability/tier: "1"');
  });

  it('says when no report exists yet', async () => {
    await renderInTestApp(<ReliabilityEmptyState reason="no-data" />);
    expect(screen.getByText('No reliability data yet')).toBeInTheDocument();
    expect(
      screen.getByText(/evaluated on the next scheduled run/),
    ).toBeInTheDocument();
  });
});
