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

const COLUMNS_AFTER_NAME = [
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
];

/**
 * The coverage index again, with the name right after the scope columns: the entity list's
 * default order (by name, within the counted lifecycles) then reads the first page straight
 * off the index instead of sorting every counted entity (0.1 ms instead of 10 ms on 50,000
 * entities in SQLite). The aggregates still read only the index.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('reliability_entity_results', table => {
    table.dropIndex([], 'reliability_results_coverage_idx');
  });
  await knex.schema.alterTable('reliability_entity_results', table => {
    table.index(
      ['in_scope', 'lifecycle', 'name', 'entity_ref', ...COLUMNS_AFTER_NAME],
      'reliability_results_coverage_idx',
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('reliability_entity_results', table => {
    table.dropIndex([], 'reliability_results_coverage_idx');
  });
  await knex.schema.alterTable('reliability_entity_results', table => {
    table.index(
      ['in_scope', 'lifecycle', ...COLUMNS_AFTER_NAME, 'name', 'entity_ref'],
      'reliability_results_coverage_idx',
    );
  });
};
