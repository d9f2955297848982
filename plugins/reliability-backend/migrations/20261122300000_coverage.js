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
 * Coverage: the group tree flattened into (group, ancestor) pairs so an owner roll-up is one
 * join at any depth, and one row of counters per day and dimension tuple for trends.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('reliability_group_ancestry', table => {
    table.comment(
      'Every (group, ancestor) pair of the catalog group tree, each group with itself at depth 0',
    );
    table
      .string('group_ref', 255)
      .notNullable()
      .comment('Lower-case full ref of a group');
    table
      .string('ancestor_ref', 255)
      .notNullable()
      .comment('Lower-case full ref of the group or one of its ancestors');
    table
      .integer('depth')
      .notNullable()
      .comment('0 for the group itself, 1 for its parent, ...');
    table.primary(['group_ref', 'ancestor_ref']);
    table.index(['ancestor_ref'], 'reliability_group_ancestry_ancestor_idx');
  });

  await knex.schema.createTable('reliability_daily_coverage', table => {
    table.comment(
      'Coverage counters of in-scope entities per day and dimension tuple, for trends',
    );
    table.string('day', 10).notNullable().comment('UTC day, YYYY-MM-DD');
    table.integer('tier').notNullable().comment('Tier level; -1 for untiered');
    table
      .string('owner_ref', 255)
      .notNullable()
      .comment('Owner at snapshot time; empty when none');
    table
      .string('system_ref', 255)
      .notNullable()
      .comment('System at snapshot time; empty when none');
    table
      .string('lifecycle', 255)
      .notNullable()
      .comment('spec.lifecycle; empty when none');
    table.string('kind', 255).notNullable();
    for (const counter of [
      'total',
      'with_slo',
      'with_slo_alerting',
      'with_oncall',
      'with_runbook',
      'with_dashboard',
      'with_slo_dashboard_runbook',
      'ready',
      'waived',
    ]) {
      table.integer(counter).notNullable().defaultTo(0);
    }
    // The day leads the key: range reads and the retention delete (day < ?) use it.
    table.primary([
      'day',
      'tier',
      'owner_ref',
      'system_ref',
      'lifecycle',
      'kind',
    ]);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('reliability_daily_coverage');
  await knex.schema.dropTable('reliability_group_ancestry');
};
