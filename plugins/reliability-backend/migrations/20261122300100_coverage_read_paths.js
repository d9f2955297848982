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

const COUNTERS = [
  'total',
  'with_slo',
  'with_slo_alerting',
  'with_oncall',
  'with_runbook',
  'with_dashboard',
  'with_slo_dashboard_runbook',
  'ready',
  'waived',
];

/**
 * Read paths measured on 50,000 entities (bench/coverage.ts):
 *
 * - A covering index over every column the coverage aggregates, filters and sort keys read.
 *   Each results row carries its report (kilobytes of JSON), so without it every coverage
 *   query and every list page read the whole table; with it they read a narrow index.
 * - Two covering indexes on the check states, for the failing-check filter and the heatmap.
 * - The daily table loses its system dimension: nothing charts history per system, and the
 *   dimension tripled the rows per day. It is recreated (the history of the few days before
 *   this migration is dropped) with the day-first key clustered on SQLite (WITHOUT ROWID), so
 *   a range of days is one sequential read.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('reliability_entity_results', table => {
    table.index(
      [
        'in_scope',
        'lifecycle',
        'tier',
        'owner_ref',
        'system_ref',
        'kind',
        'verdict',
        'maturity_level',
        'score',
        'has_slo',
        'has_slo_alerting',
        'has_oncall',
        'has_runbook',
        'has_dashboard',
        'has_waiver',
        'name',
        'entity_ref',
      ],
      'reliability_results_coverage_idx',
    );
  });

  await knex.schema.alterTable('reliability_check_states', table => {
    // The failing-check filter: the refs failing one check, read from the index alone.
    table.index(
      ['check_id', 'state', 'entity_ref'],
      'reliability_check_states_failing_idx',
    );
    // The heatmap: the failing and waived checks of each counted entity, index only.
    table.index(
      ['entity_ref', 'state', 'check_id'],
      'reliability_check_states_entity_state_idx',
    );
  });

  await knex.schema.dropTable('reliability_daily_coverage');
  const dimensions = ['day', 'tier', 'owner_ref', 'lifecycle', 'kind'];
  if (knex.client.config.client.includes('sqlite')) {
    await knex.raw(
      `CREATE TABLE reliability_daily_coverage (
        day varchar(10) NOT NULL,
        tier integer NOT NULL,
        owner_ref varchar(255) NOT NULL,
        lifecycle varchar(255) NOT NULL,
        kind varchar(255) NOT NULL,
        ${COUNTERS.map(c => `${c} integer NOT NULL DEFAULT 0`).join(
          ',\n        ',
        )},
        PRIMARY KEY (${dimensions.join(', ')})
      ) WITHOUT ROWID`,
    );
    return;
  }
  await knex.schema.createTable('reliability_daily_coverage', table => {
    table.comment(
      'Coverage counters of in-scope entities per day, tier, owner, lifecycle and kind',
    );
    table.string('day', 10).notNullable().comment('UTC day, YYYY-MM-DD');
    table.integer('tier').notNullable().comment('Tier level; -1 for untiered');
    table
      .string('owner_ref', 255)
      .notNullable()
      .comment('Owner at snapshot time; empty when none');
    table
      .string('lifecycle', 255)
      .notNullable()
      .comment('spec.lifecycle; empty when none');
    table.string('kind', 255).notNullable();
    for (const counter of COUNTERS) {
      table.integer(counter).notNullable().defaultTo(0);
    }
    table.primary(dimensions);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('reliability_entity_results', table => {
    table.dropIndex([], 'reliability_results_coverage_idx');
  });
  await knex.schema.alterTable('reliability_check_states', table => {
    table.dropIndex([], 'reliability_check_states_failing_idx');
    table.dropIndex([], 'reliability_check_states_entity_state_idx');
  });
  await knex.schema.dropTable('reliability_daily_coverage');
  await knex.schema.createTable('reliability_daily_coverage', table => {
    table.string('day', 10).notNullable();
    table.integer('tier').notNullable();
    table.string('owner_ref', 255).notNullable();
    table.string('system_ref', 255).notNullable();
    table.string('lifecycle', 255).notNullable();
    table.string('kind', 255).notNullable();
    for (const counter of COUNTERS) {
      table.integer(counter).notNullable().defaultTo(0);
    }
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
