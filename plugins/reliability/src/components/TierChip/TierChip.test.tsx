import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { TierChip } from './TierChip';

describe('TierChip', () => {
  it('names the tier and describes what it demands', async () => {
    await renderInTestApp(
      <TierChip
        tier={{
          level: 1,
          name: 'Tier 1',
          description: 'Paging within 10 minutes',
        }}
      />,
    );
    expect(screen.getByText('Tier 1')).toBeInTheDocument();
    expect(
      screen.getByLabelText('Tier 1: Paging within 10 minutes'),
    ).toBeInTheDocument();
  });

  it('says when there is no tier', async () => {
    await renderInTestApp(<TierChip tier={null} />);
    expect(screen.getByText('Untiered')).toBeInTheDocument();
    expect(
      screen.getByLabelText('Untiered: no valid reliability/tier annotation'),
    ).toBeInTheDocument();
  });
});
