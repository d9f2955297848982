import { screen } from '@testing-library/react';
import {
  mockReliabilityApi,
  renderForEntity,
} from '../../__testUtils__/renderForEntity';
import { coverageRow } from '../../__testUtils__/coverageFixtures';
import { EntityTeamReliabilityCard } from './EntityTeamReliabilityCard';

const group = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'payments', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

describe('EntityTeamReliabilityCard', () => {
  it("shows the team's roll-up with sub-teams, each number linking to its entities", async () => {
    const api = mockReliabilityApi();
    api.getCoverage.mockResolvedValue({
      asOf: '2026-11-22T10:00:00Z',
      rows: [
        coverageRow('group:default/payments', { total: 12, withSlo: 9 }),
        coverageRow('group:default/payments-api', { total: 8, withSlo: 8 }),
        coverageRow('group:default/payments-db', { total: 4, withSlo: 1 }),
      ],
    });
    await renderForEntity(<EntityTeamReliabilityCard />, {
      entity: group,
      api,
    });

    expect(await screen.findByText('Team reliability')).toBeInTheDocument();
    expect(api.getCoverage).toHaveBeenCalledWith('owner', {
      owner: 'group:default/payments',
    });
    expect(screen.getByRole('link', { name: '12' })).toHaveAttribute(
      'href',
      '/reliability?owner=group%3Adefault%2Fpayments',
    );
    expect(screen.getByRole('link', { name: '9' })).toHaveAttribute(
      'href',
      '/reliability?owner=group%3Adefault%2Fpayments&stage=withSlo',
    );
    expect(screen.getByRole('link', { name: '3 missing' })).toHaveAttribute(
      'href',
      '/reliability?owner=group%3Adefault%2Fpayments&missing=withSlo',
    );
    const subTeams = screen.getByRole('table', { name: 'Sub-teams' });
    expect(subTeams).toHaveTextContent('payments-api');
    expect(subTeams).toHaveTextContent('payments-db');
    expect(screen.getByRole('link', { name: '25%' })).toHaveAttribute(
      'href',
      '/reliability?owner=group%3Adefault%2Fpayments-db&stage=withSlo',
    );
  });

  it('says so when the team owns nothing in scope', async () => {
    const api = mockReliabilityApi();
    api.getCoverage.mockResolvedValue({ asOf: 'x', rows: [] });
    await renderForEntity(<EntityTeamReliabilityCard />, {
      entity: group,
      api,
    });
    expect(
      await screen.findByText(/No in-scope services are owned/),
    ).toBeInTheDocument();
  });
});
