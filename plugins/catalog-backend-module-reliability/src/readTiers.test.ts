import { mockServices } from '@backstage/backend-test-utils';
import { readTiers } from './module';

describe('readTiers', () => {
  it('uses the default scale 0-3 without configuration', () => {
    const logger = mockServices.logger.mock();
    const tiers = readTiers(mockServices.rootConfig({ data: {} }), logger);
    expect(tiers.map(tier => [tier.level, tier.name])).toEqual([
      [0, 'Tier 0'],
      [1, 'Tier 1'],
      [2, 'Tier 2'],
      [3, 'Tier 3'],
    ]);
  });

  it('uses the configured scale', () => {
    const logger = mockServices.logger.mock();
    const config = mockServices.rootConfig({
      data: {
        reliability: { policy: { tiers: [{ level: 0 }, { level: 1 }] } },
      },
    });
    expect(readTiers(config, logger).map(tier => tier.level)).toEqual([0, 1]);
    expect(logger.error).not.toHaveBeenCalled();
  });

  it('falls back to the default scale and logs when the policy is invalid', () => {
    const logger = mockServices.logger.mock();
    const config = mockServices.rootConfig({
      data: { reliability: { policy: { tiers: [{ level: 'gold' }] } } },
    });
    expect(readTiers(config, logger).map(tier => tier.level)).toEqual([
      0, 1, 2, 3,
    ]);
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringContaining('Invalid reliability.policy'),
    );
  });
});
