import { randomUUID } from 'node:crypto';
import { DatabaseService } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import type {
  Attestation,
  Review,
  ReviewHistoryAction,
  ReviewHistoryEntry,
  ReviewSnapshot,
  Waiver,
} from '@reliability-suite/plugin-reliability-common';
import { Knex } from 'knex';
import { ReviewFacts, TABLES } from '../services/types';
import { getMigratedClient } from './migrations';
import { writeTransaction } from './writeTransaction';
import {
  AttestationRow,
  HistoryRow,
  ReviewRow,
  WaiverRow,
  toAttestation,
  toHistoryEntry,
  toReview,
  toWaiver,
} from './reviewRows';
import type {
  AttestationState,
  EntityReviewData,
  ExpiringReviewItems,
  ReviewHistoryQuery,
  ReviewStore,
  ReviewWriteContext,
} from './ReviewStore';

/** Entity refs per `IN (...)` list: well under SQLite's 999 bind-variable limit. */
const REFS_PER_QUERY = 500;

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    chunks.push(items.slice(i, i + size));
  }
  return chunks;
}

/** A concurrent writer inserted the same (entity, check, version) first. */
function isUniqueViolation(error: unknown): boolean {
  const { code, message } = (error ?? {}) as {
    code?: unknown;
    message?: unknown;
  };
  return (
    code === '23505' ||
    (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) ||
    (typeof message === 'string' && message.includes('UNIQUE constraint'))
  );
}

function staleVersion(what: string, expected: number, actual: number) {
  return new ConflictError(
    `${what} changed meanwhile: expectedVersion ${expected} is stale, the current version is ${actual}; reload and retry`,
  );
}

/**
 * Decides a pending (`requested`) waiver or review: the update applies only to the version the
 * caller saw, so of concurrent deciders exactly one wins and the others get a 409 that says why.
 */
async function decideRequested<
  Row extends { version: number | string; status: string },
>(
  tx: Knex.Transaction,
  options: {
    table: string;
    noun: 'waiver' | 'review';
    id: string;
    entityRef: string;
    expectedVersion: number;
    changes: Record<string, unknown>;
  },
): Promise<Row> {
  const { table, noun, id, entityRef, expectedVersion } = options;
  const label = `${noun === 'waiver' ? 'Waiver' : 'Review'} ${id}`;
  const updated = await tx(table)
    .where({
      id,
      entity_ref: entityRef,
      version: expectedVersion,
      status: 'requested',
    })
    .update({ ...options.changes, version: expectedVersion + 1 });
  const row: Row | undefined = await tx(table)
    .where({ id, entity_ref: entityRef })
    .first();
  if (!row) {
    throw new NotFoundError(`No ${noun} ${id} for ${entityRef}`);
  }
  if (updated !== 1) {
    if (Number(row.version) !== expectedVersion) {
      throw staleVersion(label, expectedVersion, Number(row.version));
    }
    throw new ConflictError(`${label} was already ${row.status}`);
  }
  return row;
}

/** Stores attestations, waivers, reviews and their history in the plugin database. */
export class DatabaseReviewStore implements ReviewStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseReviewStore> {
    const client = await getMigratedClient(options.database, {
      skipMigrations: options.skipMigrations,
    });
    return new DatabaseReviewStore(client);
  }

  private constructor(private readonly db: Knex) {}

  async getFacts(entityRefs: string[]): Promise<Map<string, ReviewFacts>> {
    const refs = [
      ...new Set(entityRefs.map(ref => ref.toLocaleLowerCase('en-US'))),
    ];
    const facts = new Map<string, ReviewFacts>();
    const factsOf = (ref: string) => {
      let entry = facts.get(ref);
      if (!entry) {
        entry = { attestations: [], waivers: [] };
        facts.set(ref, entry);
      }
      return entry;
    };
    for (const batch of chunk(refs, REFS_PER_QUERY)) {
      const attestations = await this.latestAttestations(this.db, batch);
      for (const row of attestations) {
        if (!row.revoked_at) {
          factsOf(row.entity_ref).attestations.push(toAttestation(row));
        }
      }
      const waivers = await this.db<WaiverRow>(TABLES.waivers)
        .whereIn('entity_ref', batch)
        .orderBy([
          { column: 'entity_ref' },
          { column: 'check_id' },
          { column: 'sequence', order: 'desc' },
        ]);
      for (const row of waivers) {
        factsOf(row.entity_ref).waivers.push(toWaiver(row));
      }
    }
    return facts;
  }

  async getEntityReviewData(entityRef: string): Promise<EntityReviewData> {
    const attestations = new Map<string, AttestationState>();
    for (const row of await this.latestAttestations(this.db, [entityRef])) {
      attestations.set(row.check_id, {
        current: row.revoked_at ? null : toAttestation(row),
        version: Number(row.version),
      });
    }
    const waiverRows = await this.db<WaiverRow>(TABLES.waivers)
      .where('entity_ref', entityRef)
      .orderBy('requested_at', 'desc')
      .orderBy('sequence', 'desc');
    const waiverSequences = new Map<string, number>();
    for (const row of waiverRows) {
      const sequence = Number(row.sequence);
      waiverSequences.set(
        row.check_id,
        Math.max(waiverSequences.get(row.check_id) ?? 0, sequence),
      );
    }
    const latestReview = await this.getLatestReview(entityRef);
    return {
      attestations,
      waivers: waiverRows.map(toWaiver),
      waiverSequences,
      latestReview: latestReview ?? null,
    };
  }

  async listAttestationVersions(
    entityRef: string,
    checkId: string,
  ): Promise<Attestation[]> {
    const rows = await this.db<AttestationRow>(TABLES.attestations)
      .where({ entity_ref: entityRef, check_id: checkId })
      .orderBy('version', 'desc');
    return rows.map(toAttestation);
  }

  async createAttestation(
    context: ReviewWriteContext,
    input: {
      checkId: string;
      evidenceUrl: string;
      comment: string;
      expiresAt: string;
      expectedVersion: number;
    },
  ): Promise<Attestation> {
    return this.write(async tx => {
      const [latest] = await this.latestAttestations(
        tx,
        [context.entityRef],
        input.checkId,
      );
      const currentVersion = latest ? Number(latest.version) : 0;
      if (currentVersion !== input.expectedVersion) {
        throw staleVersion(
          `The attestation of ${input.checkId}`,
          input.expectedVersion,
          currentVersion,
        );
      }
      const row: AttestationRow = {
        id: randomUUID(),
        entity_ref: context.entityRef,
        check_id: input.checkId,
        version: currentVersion + 1,
        evidence_url: input.evidenceUrl,
        comment: input.comment,
        attested_by: context.actor,
        attested_at: context.at,
        expires_at: input.expiresAt,
        revoked_by: null,
        revoked_at: null,
        revoke_comment: null,
      };
      await tx(TABLES.attestations).insert(row);
      await this.appendHistory(tx, context, {
        action: 'attestation-created',
        checkId: input.checkId,
        subjectId: row.id,
        subjectVersion: row.version,
        comment: input.comment,
        details: { evidenceUrl: input.evidenceUrl, expiresAt: input.expiresAt },
      });
      return toAttestation(row);
    });
  }

  async revokeAttestation(
    context: ReviewWriteContext,
    input: { checkId: string; comment: string | null; expectedVersion: number },
  ): Promise<Attestation> {
    return this.write(async tx => {
      const [latest] = await this.latestAttestations(
        tx,
        [context.entityRef],
        input.checkId,
      );
      const currentVersion = latest ? Number(latest.version) : 0;
      if (currentVersion !== input.expectedVersion) {
        throw staleVersion(
          `The attestation of ${input.checkId}`,
          input.expectedVersion,
          currentVersion,
        );
      }
      if (!latest || latest.revoked_at) {
        throw new NotFoundError(
          `Check ${input.checkId} of ${context.entityRef} has no current attestation to revoke`,
        );
      }
      const row: AttestationRow = {
        ...latest,
        id: randomUUID(),
        version: currentVersion + 1,
        revoked_by: context.actor,
        revoked_at: context.at,
        revoke_comment: input.comment,
      };
      await tx(TABLES.attestations).insert(row);
      await this.appendHistory(tx, context, {
        action: 'attestation-revoked',
        checkId: input.checkId,
        subjectId: row.id,
        subjectVersion: row.version,
        comment: input.comment,
        details: { revokedAttestationId: latest.id },
      });
      return toAttestation(row);
    });
  }

  async createWaiver(
    context: ReviewWriteContext,
    input: {
      checkId: string;
      justification: string;
      expiresAt: string;
      expectedVersion: number;
    },
  ): Promise<Waiver> {
    return this.write(async tx => {
      const rows = await tx<WaiverRow>(TABLES.waivers)
        .where({ entity_ref: context.entityRef, check_id: input.checkId })
        .select('sequence', 'status');
      const currentSequence = rows.reduce(
        (max, row) => Math.max(max, Number(row.sequence)),
        0,
      );
      if (currentSequence !== input.expectedVersion) {
        throw staleVersion(
          `The waivers of ${input.checkId}`,
          input.expectedVersion,
          currentSequence,
        );
      }
      if (rows.some(row => row.status === 'requested')) {
        throw new ConflictError(
          `A waiver for ${input.checkId} is already awaiting approval; approve or reject it first`,
        );
      }
      const row: WaiverRow = {
        id: randomUUID(),
        entity_ref: context.entityRef,
        check_id: input.checkId,
        sequence: currentSequence + 1,
        justification: input.justification,
        requested_by: context.actor,
        requested_at: context.at,
        expires_at: input.expiresAt,
        status: 'requested',
        decided_by: null,
        decided_at: null,
        decision_comment: null,
        version: 1,
      };
      await tx(TABLES.waivers).insert(row);
      await this.appendHistory(tx, context, {
        action: 'waiver-requested',
        checkId: input.checkId,
        subjectId: row.id,
        subjectVersion: row.version,
        comment: input.justification,
        details: { expiresAt: input.expiresAt },
      });
      return toWaiver(row);
    });
  }

  async getWaiver(
    entityRef: string,
    waiverId: string,
  ): Promise<Waiver | undefined> {
    const row = await this.db<WaiverRow>(TABLES.waivers)
      .where({ entity_ref: entityRef, id: waiverId })
      .first();
    return row ? toWaiver(row) : undefined;
  }

  async decideWaiver(
    context: ReviewWriteContext,
    input: {
      waiverId: string;
      status: 'approved' | 'rejected';
      comment: string;
      expectedVersion: number;
    },
  ): Promise<Waiver> {
    return this.write(async tx => {
      const row = await decideRequested<WaiverRow>(tx, {
        table: TABLES.waivers,
        noun: 'waiver',
        id: input.waiverId,
        entityRef: context.entityRef,
        expectedVersion: input.expectedVersion,
        changes: {
          status: input.status,
          decided_by: context.actor,
          decided_at: context.at,
          decision_comment: input.comment,
        },
      });
      await this.appendHistory(tx, context, {
        action:
          input.status === 'approved' ? 'waiver-approved' : 'waiver-rejected',
        checkId: row.check_id,
        subjectId: row.id,
        subjectVersion: Number(row.version),
        comment: input.comment,
        details: { expiresAt: row.expires_at, requestedBy: row.requested_by },
      });
      return toWaiver(row);
    });
  }

  async createReview(
    context: ReviewWriteContext,
    input: { comment: string | null; expectedVersion?: number },
  ): Promise<Review> {
    return this.write(async tx => {
      const rows = await tx<ReviewRow>(TABLES.reviews)
        .where({ entity_ref: context.entityRef })
        .select('sequence', 'status');
      const currentSequence = rows.reduce(
        (max, row) => Math.max(max, Number(row.sequence)),
        0,
      );
      if (
        input.expectedVersion !== undefined &&
        input.expectedVersion !== currentSequence
      ) {
        throw staleVersion(
          `The reviews of ${context.entityRef}`,
          input.expectedVersion,
          currentSequence,
        );
      }
      if (rows.some(row => row.status === 'requested')) {
        throw new ConflictError(
          `A review of ${context.entityRef} is already awaiting sign-off`,
        );
      }
      const row: ReviewRow = {
        id: randomUUID(),
        entity_ref: context.entityRef,
        sequence: currentSequence + 1,
        status: 'requested',
        requested_by: context.actor,
        requested_at: context.at,
        request_comment: input.comment,
        decided_by: null,
        decided_at: null,
        decision_comment: null,
        snapshot: null,
        version: 1,
      };
      await tx(TABLES.reviews).insert(row);
      await this.appendHistory(tx, context, {
        action: 'review-requested',
        checkId: null,
        subjectId: row.id,
        subjectVersion: row.version,
        comment: input.comment,
        details: {},
      });
      return toReview(row);
    });
  }

  async getReview(
    entityRef: string,
    reviewId: string,
  ): Promise<Review | undefined> {
    const row = await this.db<ReviewRow>(TABLES.reviews)
      .where({ entity_ref: entityRef, id: reviewId })
      .first();
    return row ? toReview(row) : undefined;
  }

  async getLatestReview(
    entityRef: string,
    options?: { decidedOnly?: boolean },
  ): Promise<Review | undefined> {
    const query = this.db<ReviewRow>(TABLES.reviews)
      .where({ entity_ref: entityRef })
      .orderBy('sequence', 'desc');
    if (options?.decidedOnly) {
      query.whereIn('status', ['signed-off', 'rejected']);
    }
    const row = await query.first();
    return row ? toReview(row) : undefined;
  }

  async decideReview(
    context: ReviewWriteContext,
    input: {
      reviewId: string;
      status: 'signed-off' | 'rejected';
      comment: string;
      snapshot: ReviewSnapshot;
      expectedVersion: number;
    },
  ): Promise<Review> {
    return this.write(async tx => {
      const row = await decideRequested<ReviewRow>(tx, {
        table: TABLES.reviews,
        noun: 'review',
        id: input.reviewId,
        entityRef: context.entityRef,
        expectedVersion: input.expectedVersion,
        changes: {
          status: input.status,
          decided_by: context.actor,
          decided_at: context.at,
          decision_comment: input.comment,
          snapshot: JSON.stringify(input.snapshot),
        },
      });
      await this.appendHistory(tx, context, {
        action:
          input.status === 'signed-off'
            ? 'review-signed-off'
            : 'review-rejected',
        checkId: null,
        subjectId: row.id,
        subjectVersion: Number(row.version),
        comment: input.comment,
        details: {
          score: input.snapshot.score,
          verdict: input.snapshot.verdict,
        },
      });
      return toReview(row);
    });
  }

  async listHistory(
    entityRef: string,
    query: ReviewHistoryQuery,
  ): Promise<{ items: ReviewHistoryEntry[]; nextCursor: number | null }> {
    const builder = this.db<HistoryRow>(TABLES.history)
      .where({ entity_ref: entityRef })
      .orderBy('id', 'desc')
      .limit(query.limit + 1);
    if (query.before !== undefined) {
      builder.where('id', '<', query.before);
    }
    const rows = await builder;
    const page = rows.slice(0, query.limit);
    return {
      items: page.map(toHistoryEntry),
      nextCursor:
        rows.length > query.limit ? Number(page[page.length - 1].id) : null,
    };
  }

  async listPendingDecisions(): Promise<{
    waivers: Waiver[];
    reviews: Review[];
  }> {
    const waivers = await this.db<WaiverRow>(TABLES.waivers)
      .where('status', 'requested')
      .orderBy('requested_at')
      .orderBy('id');
    const reviews = await this.db<ReviewRow>(TABLES.reviews)
      .where('status', 'requested')
      .orderBy('requested_at')
      .orderBy('id');
    return { waivers: waivers.map(toWaiver), reviews: reviews.map(toReview) };
  }

  async listExpiring(
    after: string,
    until: string,
  ): Promise<{ attestations: Attestation[]; waivers: Waiver[] }> {
    const attestations = await this.db<AttestationRow>(
      `${TABLES.attestations} as a`,
    )
      .select('a.*')
      .where('a.expires_at', '>', after)
      .andWhere('a.expires_at', '<=', until)
      .whereNull('a.revoked_at')
      .where(
        'a.version',
        this.db(`${TABLES.attestations} as b`)
          .max('b.version')
          .whereRaw('b.entity_ref = a.entity_ref')
          .andWhereRaw('b.check_id = a.check_id'),
      )
      .orderBy('a.expires_at');
    const waivers = await this.db<WaiverRow>(TABLES.waivers)
      .where('status', 'approved')
      .andWhere('expires_at', '>', after)
      .andWhere('expires_at', '<=', until)
      .orderBy('expires_at');
    return {
      attestations: attestations.map(toAttestation),
      waivers: waivers.map(toWaiver),
    };
  }

  async listLatestSignOffs(): Promise<
    Array<{ entityRef: string; signedOffAt: string; reviewPending: boolean }>
  > {
    const signOffs = await this.db<ReviewRow>(TABLES.reviews)
      .where('status', 'signed-off')
      .groupBy('entity_ref')
      .select('entity_ref')
      .max({ signed_off_at: 'decided_at' });
    const pending = new Set(
      (
        await this.db<ReviewRow>(TABLES.reviews)
          .where('status', 'requested')
          .distinct('entity_ref')
      ).map(row => row.entity_ref),
    );
    return (
      signOffs as unknown as Array<{
        entity_ref: string;
        signed_off_at: string;
      }>
    ).map(row => ({
      entityRef: row.entity_ref,
      signedOffAt: row.signed_off_at,
      reviewPending: pending.has(row.entity_ref),
    }));
  }

  /** The highest version row per check of the given entities (optionally one check). */
  async listExpiringWithin(window: {
    after: string;
    until: string;
    limit: number;
  }): Promise<ExpiringReviewItems> {
    const waivers = await this.db<WaiverRow>(TABLES.waivers)
      .where('status', 'approved')
      .where('expires_at', '>', window.after)
      .where('expires_at', '<=', window.until)
      .orderBy([{ column: 'expires_at' }, { column: 'entity_ref' }])
      .limit(window.limit);
    const attestations = await this.db<AttestationRow>(
      `${TABLES.attestations} as a`,
    )
      .select('a.*')
      .whereNull('a.revoked_at')
      .where('a.expires_at', '>', window.after)
      .where('a.expires_at', '<=', window.until)
      .where(
        'a.version',
        this.db(`${TABLES.attestations} as b`)
          .max('b.version')
          .whereRaw('b.entity_ref = a.entity_ref')
          .andWhereRaw('b.check_id = a.check_id'),
      )
      .orderBy([{ column: 'a.expires_at' }, { column: 'a.entity_ref' }])
      .limit(window.limit);
    return {
      waivers: waivers.map(toWaiver),
      attestations: attestations.map(toAttestation),
    };
  }

  private latestAttestations(
    db: Knex | Knex.Transaction,
    entityRefs: string[],
    checkId?: string,
  ): Promise<AttestationRow[]> {
    const query = db<AttestationRow>(`${TABLES.attestations} as a`)
      .select('a.*')
      .whereIn('a.entity_ref', entityRefs)
      .where(
        'a.version',
        db(`${TABLES.attestations} as b`)
          .max('b.version')
          .whereRaw('b.entity_ref = a.entity_ref')
          .andWhereRaw('b.check_id = a.check_id'),
      );
    if (checkId !== undefined) {
      query.where('a.check_id', checkId);
    }
    return query;
  }

  private async appendHistory(
    tx: Knex.Transaction,
    context: ReviewWriteContext,
    entry: {
      action: ReviewHistoryAction;
      checkId: string | null;
      subjectId: string;
      subjectVersion: number;
      comment: string | null;
      details: Record<string, unknown>;
    },
  ): Promise<void> {
    await tx(TABLES.history).insert({
      entity_ref: context.entityRef,
      check_id: entry.checkId,
      action: entry.action,
      subject_id: entry.subjectId,
      subject_version: entry.subjectVersion,
      actor: context.actor,
      occurred_at: context.at,
      comment: entry.comment,
      details: JSON.stringify(entry.details),
    });
  }

  /** Runs a write in a transaction; a lost insert race becomes a 409, like a stale version. */
  private async write<T>(fn: (tx: Knex.Transaction) => Promise<T>): Promise<T> {
    try {
      return await writeTransaction(this.db, fn);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError(
          'Another change to the same record was saved first; reload and retry',
        );
      }
      throw error;
    }
  }
}
