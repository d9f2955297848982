import type { DatabaseService } from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';
import type { NotificationIntent } from '../domain/notifications';
import { getMigratedClient } from './migrations';
import type {
  ClaimedNotification,
  NotificationOutboxStore,
  StateTransition,
} from './NotificationOutboxStore';
import { writeTransaction } from './writeTransaction';

const OUTBOX = 'reliability_notification_outbox';
const STATE = 'reliability_notification_state';

/** Rows per insert: well under SQLite's 999 bound variables at 7 columns. */
const INSERT_CHUNK = 100;
/** State rows per insert: 3 columns each, under SQLite's 999 bound variables. */
const STATE_INSERT_CHUNK = 300;
/** Keys per `in (...)` lookup. */
const READ_CHUNK = 500;

interface OutboxRow {
  id: number;
  delivery_key: string;
  topic: string;
  recipients_json: string;
  payload_json: string;
  status: 'pending' | 'sent' | 'failed';
  created_at: string;
  claimed_by: string | null;
  claimed_until: string | null;
  attempts: number;
  sent_at: string | null;
  last_error: string | null;
}

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    chunks.push(items.slice(i, i + size));
  }
  return chunks;
}

function toRow(intent: NotificationIntent, now: Date) {
  return {
    delivery_key: intent.key,
    topic: intent.payload.topic,
    recipients_json: JSON.stringify({
      entityRefs: intent.recipients,
      excludeRefs: intent.excludeRefs ?? [],
    }),
    payload_json: JSON.stringify(intent.payload),
    status: 'pending',
    created_at: now.toISOString(),
    attempts: 0,
  };
}

function toClaimed(row: OutboxRow): ClaimedNotification {
  const recipients = JSON.parse(row.recipients_json) as {
    entityRefs: string[];
    excludeRefs: string[];
  };
  return {
    id: Number(row.id),
    attempts: Number(row.attempts),
    intent: {
      key: row.delivery_key,
      recipients: recipients.entityRefs,
      excludeRefs: recipients.excludeRefs,
      payload: JSON.parse(row.payload_json),
    },
  };
}

/** The notification outbox and observed states in the plugin database. */
export class DatabaseNotificationOutboxStore
  implements NotificationOutboxStore
{
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseNotificationOutboxStore> {
    const client = await getMigratedClient(options.database, {
      skipMigrations: options.skipMigrations,
    });
    return new DatabaseNotificationOutboxStore(client);
  }

  private constructor(private readonly db: Knex) {}

  async enqueue(intents: NotificationIntent[], now: Date): Promise<number> {
    if (intents.length === 0) {
      return 0;
    }
    return writeTransaction(this.db, tx =>
      this.insertIntents(tx, intents, now),
    );
  }

  async readStates(stateKeys: string[]): Promise<Map<string, string>> {
    const states = new Map<string, string>();
    for (const keys of chunk([...new Set(stateKeys)], READ_CHUNK)) {
      const rows = await this.db<{ state_key: string; state_json: string }>(
        STATE,
      )
        .whereIn('state_key', keys)
        .select('state_key', 'state_json');
      for (const row of rows) {
        states.set(row.state_key, row.state_json);
      }
    }
    return states;
  }

  async applyTransitions(
    transitions: StateTransition[],
    now: Date,
  ): Promise<number> {
    if (transitions.length === 0) {
      return 0;
    }
    const at = now.toISOString();
    return writeTransaction(this.db, async tx => {
      let applied = 0;
      const intents: NotificationIntent[] = [];
      // First sights (every entity on the first full run) go in a few multi-row inserts:
      // one statement per entity held the write transaction for most of a page.
      const firstSeen = transitions.filter(t => t.expected === null);
      const inserted = new Set<string>();
      for (const rows of chunk(firstSeen, STATE_INSERT_CHUNK)) {
        const keys: Array<{ state_key: string }> = await tx(STATE)
          .insert(
            rows.map(t => ({
              state_key: t.stateKey,
              state_json: t.next,
              updated_at: at,
            })),
          )
          .onConflict('state_key')
          .ignore()
          .returning('state_key');
        for (const { state_key: key } of keys) {
          inserted.add(key);
        }
      }
      for (const transition of transitions) {
        let changed: boolean;
        if (transition.expected === null) {
          changed = inserted.has(transition.stateKey);
        } else {
          // Compare-and-set: a replica that stored another state in the meantime wins, and
          // this transition (and its notification) is dropped.
          changed =
            (await tx(STATE)
              .where({
                state_key: transition.stateKey,
                state_json: transition.expected,
              })
              .update({ state_json: transition.next, updated_at: at })) > 0;
        }
        if (changed) {
          applied += 1;
          intents.push(...transition.intents);
        }
      }
      await this.insertIntents(tx, intents, now);
      return applied;
    });
  }

  async claim(options: {
    claimant: string;
    now: Date;
    leaseMs: number;
    limit: number;
  }): Promise<ClaimedNotification[]> {
    const now = options.now.toISOString();
    const until = new Date(
      options.now.getTime() + options.leaseMs,
    ).toISOString();
    const claimable = (query: Knex.QueryBuilder) =>
      query
        .where('status', 'pending')
        .andWhere(inner =>
          inner.whereNull('claimed_until').orWhere('claimed_until', '<', now),
        );
    const ids: number[] = (
      await claimable(this.db(OUTBOX).select('id'))
        .orderBy('id')
        .limit(options.limit)
    ).map((row: { id: number }) => row.id);
    if (ids.length === 0) {
      return [];
    }
    // Claim by update: the condition is checked again on each row as it is updated, so of
    // two drains racing for a row only the first changes it (PostgreSQL re-reads a row
    // another transaction just updated; SQLite runs one write at a time).
    await claimable(this.db(OUTBOX).whereIn('id', ids)).update({
      claimed_by: options.claimant,
      claimed_until: until,
      attempts: this.db.raw('attempts + 1'),
    });
    const rows = await this.db<OutboxRow>(OUTBOX)
      .whereIn('id', ids)
      .andWhere({
        claimed_by: options.claimant,
        claimed_until: until,
        status: 'pending',
      })
      .orderBy('id');
    return rows.map(toClaimed);
  }

  async markSent(id: number, claimant: string, now: Date): Promise<void> {
    await this.db(OUTBOX)
      .where({ id, claimed_by: claimant, status: 'pending' })
      .update({
        status: 'sent',
        sent_at: now.toISOString(),
        claimed_until: null,
        last_error: null,
      });
  }

  async markFailed(
    id: number,
    claimant: string,
    failure: { error: string; retryAt: Date; giveUp: boolean },
  ): Promise<void> {
    await this.db(OUTBOX)
      .where({ id, claimed_by: claimant, status: 'pending' })
      .update({
        status: failure.giveUp ? 'failed' : 'pending',
        claimed_until: failure.retryAt.toISOString(),
        last_error: failure.error.slice(0, 2000),
      });
  }

  async prune(before: Date): Promise<number> {
    return this.db(OUTBOX)
      .whereIn('status', ['sent', 'failed'])
      .andWhere('created_at', '<', before.toISOString())
      .delete();
  }

  async countByStatus(): Promise<
    Record<'pending' | 'sent' | 'failed', number>
  > {
    const rows = await this.db(OUTBOX)
      .select('status')
      .count({ count: '*' })
      .groupBy('status');
    const counts = { pending: 0, sent: 0, failed: 0 };
    for (const row of rows as Array<{ status: string; count: unknown }>) {
      counts[row.status as keyof typeof counts] = Number(row.count);
    }
    return counts;
  }

  private async insertIntents(
    tx: Knex.Transaction,
    intents: NotificationIntent[],
    now: Date,
  ): Promise<number> {
    let inserted = 0;
    for (const rows of chunk(
      intents.map(intent => toRow(intent, now)),
      INSERT_CHUNK,
    )) {
      const result = await tx(OUTBOX)
        .insert(rows)
        .onConflict('delivery_key')
        .ignore()
        .returning('id');
      inserted += result.length;
    }
    return inserted;
  }
}
