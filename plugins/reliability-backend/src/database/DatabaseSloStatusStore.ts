import type { DatabaseService } from '@backstage/backend-plugin-api';
import type {
  BurningSlo,
  SloState,
  SloStatus,
} from '@reliability-suite/plugin-reliability-common';
import type { Knex } from 'knex';
import { getMigratedClient } from './migrations';
import type {
  SloHistoryPoint,
  SloStatusStore,
  SloStatusWrite,
  StoredSloStatus,
} from './SloStatusStore';
import { writeTransaction } from './writeTransaction';

const LATEST = 'reliability_slo_status';
const HISTORY = 'reliability_slo_status_history';

/** Rows per statement: below SQLite's bound-parameter limit at 7 columns a row. */
const CHUNK = 100;

const refKey = (entityRef: string) => entityRef.toLocaleLowerCase('en-US');

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    result.push(items.slice(start, start + size));
  }
  return result;
}

/** Live SLO statuses in two tables: the latest per SLO, and a thinned history. */
export class DatabaseSloStatusStore implements SloStatusStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseSloStatusStore> {
    const client = await getMigratedClient(options.database, {
      skipMigrations: options.skipMigrations,
    });
    return new DatabaseSloStatusStore(client);
  }

  private constructor(private readonly db: Knex) {}

  async getLatest(
    entityRefs: string[],
  ): Promise<Map<string, Map<string, StoredSloStatus>>> {
    const result = new Map<string, Map<string, StoredSloStatus>>();
    const keys = [...new Set(entityRefs.map(refKey))];
    for (const part of chunks(keys, 500)) {
      const rows = await this.db(LATEST)
        .whereIn('entity_ref', part)
        .select('entity_ref', 'slo_name', 'status_json', 'since', 'history_at');
      for (const row of rows) {
        let entity = result.get(row.entity_ref);
        if (!entity) {
          entity = new Map();
          result.set(row.entity_ref, entity);
        }
        const status: SloStatus = {
          ...JSON.parse(row.status_json),
          since: row.since,
        };
        entity.set(row.slo_name, { status, historyAt: row.history_at ?? null });
      }
    }
    return result;
  }

  async writeEntities(
    entityRefs: string[],
    writes: SloStatusWrite[],
  ): Promise<void> {
    const keys = [...new Set(entityRefs.map(refKey))];
    const previous = await this.getLatest(keys);
    const latestRows = writes.map(write => {
      const { since, ...served } = write.status;
      const stored = previous
        .get(refKey(write.entityRef))
        ?.get(write.sloName)?.historyAt;
      return {
        entity_ref: refKey(write.entityRef),
        slo_name: write.sloName,
        state: write.status.state,
        status_json: JSON.stringify(served),
        measured_at: write.status.measuredAt,
        since: since ?? write.status.measuredAt,
        history_at: write.appendHistory
          ? write.status.measuredAt
          : stored ?? null,
      };
    });
    const historyRows = writes
      .filter(write => write.appendHistory)
      .map(write => ({
        entity_ref: refKey(write.entityRef),
        slo_name: write.sloName,
        measured_at: write.status.measuredAt,
        state: write.status.state,
        sli: write.status.sli,
        budget_remaining: write.status.errorBudgetRemaining,
      }));
    await writeTransaction(this.db, async tx => {
      for (const part of chunks(keys, 500)) {
        await tx(LATEST).whereIn('entity_ref', part).delete();
      }
      for (const part of chunks(latestRows)) {
        await tx(LATEST).insert(part);
      }
      for (const part of chunks(historyRows)) {
        await tx(HISTORY)
          .insert(part)
          .onConflict(['entity_ref', 'slo_name', 'measured_at'])
          .merge();
      }
    });
  }

  async getHistory(
    entityRef: string,
    sloName: string,
    since: string,
  ): Promise<SloHistoryPoint[]> {
    const rows = await this.db(HISTORY)
      .where({ entity_ref: refKey(entityRef), slo_name: sloName })
      .andWhere('measured_at', '>=', since)
      .orderBy('measured_at', 'asc')
      .select('measured_at', 'state', 'sli', 'budget_remaining');
    return rows.map(row => ({
      measuredAt: row.measured_at,
      state: row.state as SloState,
      sli: row.sli === null ? null : Number(row.sli),
      errorBudgetRemaining:
        row.budget_remaining === null ? null : Number(row.budget_remaining),
    }));
  }

  async countByState(): Promise<Partial<Record<SloState, number>>> {
    const rows: Array<{ state: string; count: string | number }> =
      await this.db(LATEST)
        .select('state')
        .count({ count: '*' })
        .groupBy('state');
    return Object.fromEntries(
      rows.map(row => [row.state as SloState, Number(row.count)]),
    );
  }

  async listBurning(limit: number): Promise<BurningSlo[]> {
    const rows = await this.db(LATEST)
      .whereIn('state', ['exhausted', 'critical', 'warning'])
      .select(
        'entity_ref',
        'slo_name',
        'state',
        'status_json',
        'since',
        'measured_at',
      )
      .orderByRaw(
        "case state when 'exhausted' then 0 when 'critical' then 1 else 2 end",
      )
      .orderBy('since', 'asc')
      .orderBy(['entity_ref', 'slo_name'])
      .limit(limit);
    return rows.map(row => ({
      entityRef: row.entity_ref,
      slo: row.slo_name,
      state: row.state,
      errorBudgetRemaining:
        (JSON.parse(row.status_json) as SloStatus).errorBudgetRemaining ?? null,
      since: row.since,
      measuredAt: row.measured_at,
    }));
  }

  async deleteHistoryBefore(before: string): Promise<number> {
    return this.db(HISTORY).where('measured_at', '<', before).delete();
  }
}
