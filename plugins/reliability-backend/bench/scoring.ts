import { stringifyEntityRef } from '@backstage/catalog-model';
import { CacheManager } from '@backstage/backend-defaults/cache';
import { ConfigReader } from '@backstage/config';
import {
  defaultPolicy,
  evaluateEntity,
  readEntityProfile,
} from '@reliability-suite/plugin-reliability-common';
import { buildReport } from '../src/lib/buildReport';
import { describeEntity } from '../src/lib/entityDescriptor';
import { encodeResult } from '../src/database/resultRow';
import { StoredReportCodec } from '../src/database/storedReport';
import { CatalogContext } from '../src/services/CatalogContext';
import { SloFileReader } from '@reliability-suite/plugin-reliability-node';
import type { Benchmark } from './run';
import { InMemoryCatalog } from './InMemoryCatalog';
import { generateCatalog } from './syntheticCatalog';

/** Entities scored a round; rounds timed; the figure is the best round's. */
const ENTITIES = 5_000;
const WARM_UP_ROUNDS = 5;
const ROUNDS = 15;

/**
 * The CPU cost of scoring alone: reading the profile, evaluating the checks, building the
 * report and its stored JSON, for the same 5,000 entities again and again, their SLO
 * files, owners, dependencies and review facts read beforehand. Unlike a full run it has
 * no I/O, threads or database, so on a shared machine the best of 15 rounds moves by a few
 * percent where a full run's wall time moves by a fifth: the figure to compare two
 * versions of the scoring code by.
 */
export const scoringBenchmark: Benchmark = {
  name: 'scoring',
  async run(context) {
    const now = context.now;
    const synthetic = generateCatalog({
      size: ENTITIES,
      catalogLocation: context.catalogLocation,
      now,
    });
    const catalog = new InMemoryCatalog(synthetic.entities);
    const { items } = await catalog.queryEntities({
      filter: { kind: defaultPolicy.scope.kinds },
      limit: ENTITIES,
    });
    const cache = CacheManager.fromConfig(new ConfigReader({})).forPlugin(
      'reliability',
    );
    const slos = await new SloFileReader({
      urlReader: {} as never,
      cache,
    }).loadMany(items);
    const contexts = await new CatalogContext(catalog, defaultPolicy).resolve(
      items,
      {} as never,
    );
    const refs = items.map(entity => stringifyEntityRef(entity));
    const facts = await synthetic.reviewFacts.getFacts(refs);
    const codec = new StoredReportCodec(defaultPolicy);
    const evaluatedAt = now.toISOString();

    let bytes = 0;
    const round = () => {
      for (let index = 0; index < items.length; index++) {
        const entity = items[index];
        const profile = readEntityProfile(entity, defaultPolicy, { now });
        const { owner, dependencies } = contexts.get(entity)!;
        const entityFacts = facts.get(refs[index]);
        const evaluation = evaluateEntity(
          {
            entity,
            profile,
            slos: slos[index],
            owner,
            dependencies,
            attestations: entityFacts?.attestations ?? [],
            waivers: entityFacts?.waivers ?? [],
            now,
          },
          defaultPolicy,
        );
        const report = buildReport({
          entityRef: refs[index],
          profile,
          slos: slos[index],
          evaluation,
          evaluatedAt,
        });
        bytes += encodeResult(describeEntity(entity), report, codec).row.report
          .length;
      }
    };
    for (let i = 0; i < WARM_UP_ROUNDS; i++) {
      round();
    }
    const micros: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const started = process.hrtime.bigint();
      round();
      micros.push(
        Number(process.hrtime.bigint() - started) / 1000 / items.length,
      );
    }
    micros.sort((a, b) => a - b);
    return [
      {
        benchmark: `${items.length.toLocaleString('en-US')} entities`,
        database: '-',
        measure: 'scoring and encoding alone, in process',
        value: `best ${micros[0].toFixed(1)} µs per entity, median ${micros[
          Math.floor(micros.length / 2)
        ].toFixed(1)} µs (${ROUNDS} rounds; ${Math.round(
          bytes / items.length / (WARM_UP_ROUNDS + ROUNDS),
        )} bytes stored per entity)`,
      },
    ];
  },
};
