import {
  coreServices,
  createBackendModule,
  type LoggerService,
  type RootConfigService,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import {
  defaultPolicy,
  parsePolicyConfig,
  ProfileTierDefinition,
} from '@reliability-suite/plugin-reliability-common';
import { ReliabilityAnnotationsProcessor } from './ReliabilityAnnotationsProcessor';
import { SloFileReader } from '@reliability-suite/plugin-reliability-node';

/**
 * The tier scale from `reliability.policy` (the same parser as the reliability backend).
 * A broken policy must not stop the catalog: it is logged and the default scale is used.
 */
export function readTiers(
  config: RootConfigService,
  logger: LoggerService,
): ProfileTierDefinition[] {
  try {
    return parsePolicyConfig(config.getOptional('reliability.policy')).tiers;
  } catch (error) {
    logger.error(
      `Invalid reliability.policy, validating tiers against the default scale 0-3: ${
        (error as Error).message
      }`,
    );
    return defaultPolicy.tiers;
  }
}

/**
 * Catalog module that validates the Reliability Suite's annotations and SLO files, and
 * reports problems on the entity without rejecting it.
 */
export const catalogModuleReliability = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'reliability',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        urlReader: coreServices.urlReader,
        cache: coreServices.cache,
      },
      async init({ catalog, config, logger, urlReader, cache }) {
        const checkSloFiles =
          config.getOptionalBoolean(
            'reliability.catalogModule.checkSloFiles',
          ) ?? true;
        catalog.addProcessor(
          new ReliabilityAnnotationsProcessor({
            tiers: readTiers(config, logger),
            logger,
            sloFiles: checkSloFiles
              ? SloFileReader.fromConfig(config, { urlReader, cache, logger })
              : undefined,
          }),
        );
      },
    });
  },
});
