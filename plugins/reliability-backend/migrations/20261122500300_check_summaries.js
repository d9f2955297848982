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
 * One row per entity instead of one per entity and check: `reliability_check_summaries`
 * holds an entity's failing (or unknown) checks and its waived ones, each as a JSON array
 * of check ids, and only for entities with any. The failing-check filter matches the
 * list, the heatmap expands it with the database's JSON functions.
 *
 * The per-check rows were about half of PostgreSQL's work in a full evaluation of 50,000
 * entities (some nine rows per entity, each into a heap and two indexes); a summary is
 * one row into one B-tree.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const isSqlite = knex.client.config.client.includes('sqlite');
  if (isSqlite) {
    await knex.raw(
      `CREATE TABLE reliability_check_summaries (
        entity_ref varchar(255) NOT NULL PRIMARY KEY,
        failing text NOT NULL,
        waived text NOT NULL
      ) WITHOUT ROWID`,
    );
  } else {
    await knex.schema.createTable('reliability_check_summaries', table => {
      table.comment(
        'Checks needing attention per entity: failing/unknown and waived, as JSON arrays of check ids',
      );
      table.string('entity_ref', 255).primary().notNullable();
      table.text('failing').notNullable();
      table.text('waived').notNullable();
    });
  }

  const rows = await knex('reliability_check_states')
    .whereIn('state', ['fail', 'unknown', 'waived'])
    .orderBy(['entity_ref', 'check_id'])
    .select('entity_ref', 'check_id', 'state');
  /** @type {Map<string, { failing: string[], waived: string[] }>} */
  const summaries = new Map();
  for (const row of rows) {
    let summary = summaries.get(row.entity_ref);
    if (!summary) {
      summary = { failing: [], waived: [] };
      summaries.set(row.entity_ref, summary);
    }
    (row.state === 'waived' ? summary.waived : summary.failing).push(
      row.check_id,
    );
  }
  const entries = [...summaries].map(([entityRef, summary]) => ({
    entity_ref: entityRef,
    failing: JSON.stringify(summary.failing),
    waived: JSON.stringify(summary.waived),
  }));
  for (let i = 0; i < entries.length; i += 200) {
    await knex('reliability_check_summaries').insert(entries.slice(i, i + 200));
  }
  await knex.schema.dropTable('reliability_check_states');
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.createTable('reliability_check_states', table => {
    table.string('entity_ref', 255).notNullable();
    table.string('check_id', 255).notNullable();
    table.string('state').notNullable();
    table.boolean('required').notNullable();
    table.primary(['entity_ref', 'check_id']);
    table.index(
      ['check_id', 'state', 'entity_ref'],
      'reliability_check_states_failing_idx',
    );
  });
  const summaries = await knex('reliability_check_summaries').select();
  const rows = summaries.flatMap(summary => [
    ...JSON.parse(summary.failing).map((/** @type {string} */ checkId) => ({
      entity_ref: summary.entity_ref,
      check_id: checkId,
      // The summary does not tell fail from unknown; both filter and count alike.
      state: 'fail',
      required: false,
    })),
    ...JSON.parse(summary.waived).map((/** @type {string} */ checkId) => ({
      entity_ref: summary.entity_ref,
      check_id: checkId,
      state: 'waived',
      required: false,
    })),
  ]);
  for (let i = 0; i < rows.length; i += 200) {
    await knex('reliability_check_states').insert(rows.slice(i, i + 200));
  }
  await knex.schema.dropTable('reliability_check_summaries');
};
