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
 * Daily counters per tier (without the owner), written with each snapshot: the tier trend
 * lines and target projections read a few rows per day instead of thousands.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('reliability_daily_tier_coverage', table => {
    table.comment(
      'Coverage counters of in-scope entities per day, tier, lifecycle and kind',
    );
    table.string('day', 10).notNullable().comment('UTC day, YYYY-MM-DD');
    table.integer('tier').notNullable().comment('Tier level; -1 for untiered');
    table.string('lifecycle', 255).notNullable();
    table.string('kind', 255).notNullable();
    for (const counter of COUNTERS) {
      table.integer(counter).notNullable().defaultTo(0);
    }
    table.primary(['day', 'tier', 'lifecycle', 'kind']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('reliability_daily_tier_coverage');
};
