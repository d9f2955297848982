/*
 * Copyright 2026 The Reliability Suite Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

// @ts-check

/**
 * Writes batches of evaluation results to SQLite through better-sqlite3. Plain JavaScript
 * shipped beside the migrations, because it runs in two places: in the backend's own
 * thread on knex's connection, and in a worker thread with a connection of its own, so
 * that a full run's writes (half its time on SQLite, which is synchronous) overlap with
 * the scoring of the next page. A worker loads files from disk as they are: there is no
 * TypeScript transform or bundle there.
 *
 * A batch is `[values, summary][]`: each result's column values in RESULT_COLUMNS order
 * (its result_hash null when it is left to the writer), and its check summary as
 * [entity_ref, failing, waived], or null when no check needs attention.
 */

const { resultHash } = require('./resultHash');

const RESULTS_TABLE = 'reliability_entity_results';
const CHECK_SUMMARIES_TABLE = 'reliability_check_summaries';

/** The descriptive columns, in the order the hash covers them (see resultHash.js). */
const DESCRIPTOR_COLUMNS = [
  'kind',
  'namespace',
  'name',
  'title',
  'type',
  'lifecycle',
  'owner_ref',
  'system_ref',
];

const RESULT_COLUMNS = [
  'entity_ref',
  ...DESCRIPTOR_COLUMNS,
  'in_scope',
  'tier',
  'score',
  'verdict',
  'maturity_level',
  'expected_level',
  'gate_decision',
  'has_slo',
  'has_slo_alerting',
  'has_oncall',
  'has_runbook',
  'has_dashboard',
  'has_waiver',
  'result_hash',
  'report',
  'evaluated_at',
];
const HASH_INDEX = RESULT_COLUMNS.indexOf('result_hash');
const REPORT_INDEX = RESULT_COLUMNS.indexOf('report');
const EVALUATED_AT_INDEX = RESULT_COLUMNS.indexOf('evaluated_at');
const DESCRIPTOR_INDEXES = DESCRIPTOR_COLUMNS.map(column =>
  RESULT_COLUMNS.indexOf(column),
);

/**
 * The result's hash, computed here when the backend's thread left it null: on the writer
 * thread, that is off the thread that scores.
 *
 * @param {unknown[]} values
 */
function hashOf(values) {
  if (values[HASH_INDEX] === null) {
    values[HASH_INDEX] = resultHash(
      /** @type {string} */ (values[REPORT_INDEX]),
      /** @type {string} */ (values[EVALUATED_AT_INDEX]),
      DESCRIPTOR_INDEXES.map(index => values[index]),
    );
  }
  return values[HASH_INDEX];
}

/**
 * The batch writer on a better-sqlite3 connection: one transaction per batch that reads
 * each stored hash and writes only changed results not older than the stored ones, a
 * prepared statement run per row.
 *
 * @param {{ prepare(sql: string): any; transaction(fn: Function): any }} connection
 * @returns {(batch: Array<[unknown[], unknown[] | null]>) => number} the number written
 */
function createResultWriter(connection) {
  const upsertResult = connection.prepare(
    `insert into "${RESULTS_TABLE}" (${RESULT_COLUMNS.map(c => `"${c}"`).join(
      ',',
    )}) values (${RESULT_COLUMNS.map(() => '?').join(',')})
     on conflict ("entity_ref") do update set ${RESULT_COLUMNS.filter(
       c => c !== 'entity_ref',
     )
       .map(c => `"${c}" = excluded."${c}"`)
       .join(', ')}
     where excluded."evaluated_at" >= "${RESULTS_TABLE}"."evaluated_at"`,
  );
  const readHash = connection
    .prepare(
      `select "result_hash" from "${RESULTS_TABLE}" where "entity_ref" = ?`,
    )
    .pluck();
  const deleteSummary = connection.prepare(
    `delete from "${CHECK_SUMMARIES_TABLE}" where "entity_ref" = ?`,
  );
  const insertSummary = connection.prepare(
    `insert into "${CHECK_SUMMARIES_TABLE}" ("entity_ref", "failing", "waived") values (?, ?, ?)`,
  );
  const writeBatch = connection.transaction(
    /** @param {Array<[unknown[], unknown[] | null]>} batch */
    batch => {
      // Last one wins when a batch holds the same entity twice.
      const latest = new Map();
      for (const result of batch) {
        latest.set(result[0][0], result);
      }
      // In key order, each B-tree page is touched once per batch rather than at random:
      // catalog pages come in no particular order, and this halves the cost of the writes.
      const ordered = [...latest.values()].sort((a, b) =>
        a[0][0] < b[0][0] ? -1 : 1,
      );
      let written = 0;
      for (const [values, summary] of ordered) {
        const storedHash = readHash.get(values[0]);
        if (storedHash === hashOf(values)) {
          continue;
        }
        // A result evaluated before the stored one is not written: a full run's page
        // scored before an attestation's re-evaluation of one of its entities must not
        // undo it when its write lands after.
        if (upsertResult.run(values).changes === 0) {
          continue;
        }
        // A result that was not stored has no summary to replace.
        if (storedHash !== undefined) {
          deleteSummary.run(values[0]);
        }
        if (summary) {
          insertSummary.run(summary);
        }
        written++;
      }
      return written;
    },
  );
  // BEGIN IMMEDIATE: the batch reads each stored hash before it writes, and a transaction
  // that has read fails at once ("database is locked") when the other connection (the
  // backend's, or the writer thread's) is writing; one that asks for the write lock first
  // waits for it, up to the connection's busy timeout.
  return batch => writeBatch.immediate(batch);
}

/**
 * The worker side: opens its own connection to the database file, says `{ ready: true }`,
 * and answers each `{ id, batch }` message with `{ id, written }` or `{ id, error }`. A
 * batch may come in parts first, as `{ id, part }` messages without an answer (`{ id,
 * discard: true }` drops them): a full run hands each slice of a page over as soon as it
 * is scored, so the backend's thread keeps none of the page's stored text while it scores
 * the rest.
 */
function runWorker() {
  const { parentPort, workerData } = require('node:worker_threads');
  /** @type {any} */
  const Database = require(workerData.driverPath);
  const connection = new Database(workerData.filename, {
    timeout: workerData.busyTimeoutMs,
  });
  const write = createResultWriter(connection);
  /** @type {Map<number, Array<[unknown[], unknown[] | null]>>} */
  const parts = new Map();
  parentPort?.on('message', message => {
    const held = parts.get(message.id);
    if (message.discard) {
      parts.delete(message.id);
      return;
    }
    if (message.part) {
      if (held) {
        for (const record of message.part) {
          held.push(record);
        }
      } else {
        parts.set(message.id, message.part);
      }
      return;
    }
    let batch = message.batch;
    if (held) {
      parts.delete(message.id);
      for (const record of batch) {
        held.push(record);
      }
      batch = held;
    }
    try {
      parentPort?.postMessage({ id: message.id, written: write(batch) });
    } catch (error) {
      const { message: text, code } = /** @type {any} */ (error);
      parentPort?.postMessage({
        id: message.id,
        error: { message: String(text), code },
      });
    }
  });
  parentPort?.postMessage({ ready: true });
}

const { isMainThread, workerData } = require('node:worker_threads');

if (!isMainThread && workerData && workerData.reliabilityResultWriter) {
  runWorker();
}

module.exports = { createResultWriter, RESULT_COLUMNS };
