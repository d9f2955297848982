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

/** The states a coverage query reads: the failing-check filter and the heatmap. */
const ATTENTION_STATES = ['fail', 'unknown', 'waived'];

/**
 * `reliability_check_states` keeps only the checks that need attention (failing, unknown
 * or waived). Nothing reads the other states from this table (every report carries all of
 * its checks), and they were most of the full evaluation's writes: sixteen rows per entity
 * into four B-trees each on SQLite.
 *
 * - Rows in other states are deleted.
 * - SQLite: the table is rebuilt WITHOUT ROWID, clustered on (entity_ref, check_id) with
 *   the state beside the key, so it is its own entity-first index: the separate
 *   (entity_ref, state, check_id) index and the hidden rowid B-tree go.
 * - PostgreSQL: the (entity_ref, state, check_id) index goes; the heatmap joins the much
 *   smaller table by its primary key instead.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex('reliability_check_states')
    .whereNotIn('state', ATTENTION_STATES)
    .delete();
  if (!knex.client.config.client.includes('sqlite')) {
    await knex.schema.alterTable('reliability_check_states', table => {
      table.dropIndex([], 'reliability_check_states_entity_state_idx');
    });
    return;
  }
  await knex.raw(
    `CREATE TABLE reliability_check_states_new (
      entity_ref varchar(255) NOT NULL,
      check_id varchar(255) NOT NULL,
      state varchar(255) NOT NULL,
      required boolean NOT NULL,
      PRIMARY KEY (entity_ref, check_id)
    ) WITHOUT ROWID`,
  );
  await knex.raw(
    `INSERT INTO reliability_check_states_new (entity_ref, check_id, state, required)
     SELECT entity_ref, check_id, state, required FROM reliability_check_states`,
  );
  await knex.schema.dropTable('reliability_check_states');
  await knex.raw(
    'ALTER TABLE reliability_check_states_new RENAME TO reliability_check_states',
  );
  await knex.raw(
    `CREATE INDEX reliability_check_states_failing_idx
     ON reliability_check_states (check_id, state, entity_ref)`,
  );
};

/**
 * The states that were not kept come back with the next full evaluation, which rewrites
 * every entity whose result changes; until then only attention states are stored.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  if (!knex.client.config.client.includes('sqlite')) {
    await knex.schema.alterTable('reliability_check_states', table => {
      table.index(
        ['entity_ref', 'state', 'check_id'],
        'reliability_check_states_entity_state_idx',
      );
    });
    return;
  }
  await knex.schema.createTable('reliability_check_states_old', table => {
    table.string('entity_ref', 255).notNullable();
    table.string('check_id', 255).notNullable();
    table.string('state').notNullable();
    table.boolean('required').notNullable();
    table.primary(['entity_ref', 'check_id']);
  });
  await knex.raw(
    `INSERT INTO reliability_check_states_old (entity_ref, check_id, state, required)
     SELECT entity_ref, check_id, state, required FROM reliability_check_states`,
  );
  await knex.schema.dropTable('reliability_check_states');
  await knex.raw(
    'ALTER TABLE reliability_check_states_old RENAME TO reliability_check_states',
  );
  await knex.schema.alterTable('reliability_check_states', table => {
    table.index(
      ['check_id', 'state', 'entity_ref'],
      'reliability_check_states_failing_idx',
    );
    table.index(
      ['entity_ref', 'state', 'check_id'],
      'reliability_check_states_entity_state_idx',
    );
  });
};
