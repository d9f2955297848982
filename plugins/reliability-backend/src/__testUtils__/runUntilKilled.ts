/**
 * A backend's full run in a process of its own, for the test that kills it: run with
 * `node -r @backstage/cli/config/nodeTransform.cjs runUntilKilled.ts <knex config as JSON>
 * <entities>`. It evaluates a catalog of that many components, one page of 10 at a time with
 * a pause after each, and prints `page <n>` once each page is stored, so the test can kill it
 * in the middle of the run.
 */
import knexFactory from 'knex';
import type { Entity } from '@backstage/catalog-model';
import { defaultPolicy } from '@reliability-suite/plugin-reliability-common';
import { DatabaseResultStore } from '../database/DatabaseResultStore';
import { EvaluationService } from '../services/EvaluationService';
import { pagedCatalog } from './pagedCatalog';

async function main() {
  const [, , knexConfig, size] = process.argv;
  const knex = knexFactory(JSON.parse(knexConfig));
  const resultStore = await DatabaseResultStore.create({
    database: { getClient: async () => knex },
    policy: defaultPolicy,
  });
  let pages = 0;
  const writeResults = resultStore.writeResults.bind(resultStore);
  resultStore.writeResults = async results => {
    const outcome = await writeResults(results);
    pages++;
    process.stdout.write(`page ${pages}\n`);
    return outcome;
  };
  const silent = () => {};
  const logger = {
    info: silent,
    warn: silent,
    error: silent,
    debug: silent,
    child: () => logger,
  };
  const service = new EvaluationService({
    catalog: pagedCatalog(Number(size), { pauseMs: 200 }),
    auth: {
      getOwnServiceCredentials: async () => ({} as never),
    },
    logger,
    policy: defaultPolicy,
    sloSource: {
      load: async (_entity: Entity) => ({
        status: 'absent',
        slos: [],
        problems: [],
      }),
    },
    resultStore,
    reviewFacts: { getFacts: async () => new Map() },
    pageSize: 10,
  });
  await service.evaluateAll();
  process.stdout.write('finished\n');
  await knex.destroy();
}

main().catch(error => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
