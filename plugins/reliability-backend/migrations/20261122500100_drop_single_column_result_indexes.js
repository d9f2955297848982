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

const INDEXES = [
  ['owner_ref', 'reliability_results_owner_idx'],
  ['system_ref', 'reliability_results_system_idx'],
  ['tier', 'reliability_results_tier_idx'],
  ['verdict', 'reliability_results_verdict_idx'],
  ['maturity_level', 'reliability_results_maturity_idx'],
];

/**
 * Drops the five single-column indexes of the results table. Every coverage query and
 * list page reads the covering index (`reliability_results_coverage_idx`), which holds
 * each of these columns; measured on 50,000 entities (bench/coverage.ts), no figure got
 * worse without them, one team's coverage and list included. They cost the full
 * evaluation five B-tree inserts per written row, owner and system at random places:
 * about a seventh of a first full run on SQLite.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('reliability_entity_results', table => {
    for (const [, name] of INDEXES) {
      table.dropIndex([], name);
    }
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('reliability_entity_results', table => {
    for (const [column, name] of INDEXES) {
      table.index([column], name);
    }
  });
};
