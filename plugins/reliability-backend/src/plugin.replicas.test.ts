/* eslint-disable jest/no-standalone-expect -- the tests are in onPostgres blocks (it.each, or
   it.skip.each without PostgreSQL), which the rule does not recognise */
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import knexFactory, { type Knex } from 'knex';
import request from 'supertest';
import { reliabilityPlugin } from './plugin';
import { EVALUATION_TASK_ID } from './lib/schedule';
import { TABLES } from './services/types';
import { pagedComponent } from './__testUtils__/pagedCatalog';

jest.setTimeout(120_000);

const entities = Array.from({ length: 30 }, (_, i) => pagedComponent(i));
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** A backend with the real scheduler, on its own connection pool to the shared database. */
async function startReplica(knex: Knex, schedule: object) {
  return startTestBackend({
    features: [
      reliabilityPlugin,
      catalogServiceMock.factory({ entities }),
      mockServices.database.factory({ knex }),
      schedulerServiceFactory,
      mockServices.rootConfig.factory({
        data: { reliability: { schedule } },
      }),
    ],
  });
}

async function waitFor<T>(read: () => Promise<T | undefined>): Promise<T> {
  for (let attempt = 0; attempt < 120; attempt++) {
    const value = await read();
    if (value !== undefined) {
      return value;
    }
    await sleep(250);
  }
  throw new Error('Timed out');
}

describe('replicas of the backend on one PostgreSQL database', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16'] });
  const postgresIds = databases.eachSupportedId();
  const onPostgres =
    postgresIds.length > 0
      ? it.each(postgresIds)
      : it.skip.each([['POSTGRES_16' as const]]);

  // Each replica connects on its own, as two processes would.
  const secondConnection = (knex: Knex) =>
    knexFactory({ client: 'pg', connection: knex.client.config.connection });

  onPostgres(
    'run each scheduled evaluation once per interval and answer the same, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const other = secondConnection(knex);
      const schedule = {
        frequency: { seconds: 2 },
        timeout: { seconds: 60 },
        initialDelay: { seconds: 0 },
      };
      const started = Date.now();
      const first = await startReplica(knex, schedule);
      const second = await startReplica(other, schedule);
      try {
        await sleep(9_000);
        const elapsedSeconds = (Date.now() - started) / 1000;
        const runs: Array<{ started_at: string; finished_at: string | null }> =
          await knex(TABLES.runs).orderBy('id');
        const finished = runs.filter(run => run.finished_at);
        expect(finished.length).toBeGreaterThanOrEqual(2);
        // Once per interval: never more runs than intervals, and never two at once.
        expect(runs.length).toBeLessThanOrEqual(
          Math.floor(elapsedSeconds / 2) + 1,
        );
        for (let i = 1; i < finished.length; i++) {
          expect(finished[i].started_at >= finished[i - 1].finished_at!).toBe(
            true,
          );
        }

        const path =
          '/api/reliability/v1/entities/component/default/service-7/report';
        const [a, b] = await Promise.all([
          request(first.server).get(path),
          request(second.server).get(path),
        ]);
        expect(a.status).toBe(200);
        expect(b.status).toBe(200);
        // The same stored result. Its evaluatedAt may be moved to the last finished run's
        // time a few seconds apart: each replica reads that time at most every 5 seconds.
        const withoutTime = ({
          evaluatedAt,
          ...rest
        }: {
          evaluatedAt: string;
        }) => rest;
        expect(withoutTime(b.body)).toEqual(withoutTime(a.body));
        const gatePath =
          '/api/reliability/v1/entities/component/default/service-7/gate';
        const [gateA, gateB] = await Promise.all([
          request(first.server).get(gatePath),
          request(second.server).get(gatePath),
        ]);
        expect(withoutTime(gateB.body)).toEqual(withoutTime(gateA.body));
      } finally {
        await first.stop();
        await second.stop();
        await other.destroy();
      }
    },
  );

  onPostgres(
    "start a full run at once after a killed backend's run, whose lock the scheduler still holds, %p",
    async databaseId => {
      const knex = await databases.init(databaseId);
      const hourly = {
        frequency: { hours: 1 },
        timeout: { minutes: 15 },
        initialDelay: { seconds: 0 },
      };
      const first = await startReplica(knex, hourly);
      await waitFor(async () =>
        knex(TABLES.runs).whereNotNull('finished_at').first(),
      );
      await first.stop();

      // What a backend killed in the middle of a run leaves: its run unfinished and the
      // scheduler's lock on the task held until the timeout, 15 minutes from now.
      const [{ id: killedRun }] = await knex(TABLES.runs)
        .insert({ started_at: new Date().toISOString() })
        .returning('id');
      await knex('backstage_backend_tasks__tasks')
        .where('id', EVALUATION_TASK_ID)
        .update({
          current_run_ticket: 'the-killed-backend',
          current_run_started_at: knex.fn.now(),
          current_run_expires_at: knex.raw(`now() + interval '15 minutes'`),
        });

      const restarted = await startReplica(secondConnection(knex), hourly);
      try {
        const recovery = await waitFor(async () =>
          knex(TABLES.runs)
            .where('id', '>', killedRun)
            .whereNotNull('finished_at')
            .first(),
        );
        expect(recovery).toMatchObject({
          evaluated: entities.length,
          abandoned: false,
        });
        await expect(
          knex(TABLES.runs).where('id', killedRun).first(),
        ).resolves.toMatchObject({ abandoned: true });
      } finally {
        await restarted.stop();
      }
    },
  );
});
