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
 * Drops two indexes that a later index made redundant: each is a leading prefix of a
 * covering index with the same column order, so every lookup or range scan it served is
 * served by the longer one. They only cost the full evaluation a B-tree insert per written
 * row (one per results row, one per check-state row, sixteen check states per entity).
 *
 * - `reliability_check_states_check_idx` (check_id, state): a prefix of
 *   `reliability_check_states_failing_idx` (check_id, state, entity_ref).
 * - `reliability_results_scope_idx` (in_scope, lifecycle): a prefix of
 *   `reliability_results_coverage_idx` (in_scope, lifecycle, name, entity_ref, ...).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('reliability_check_states', table => {
    table.dropIndex([], 'reliability_check_states_check_idx');
  });
  await knex.schema.alterTable('reliability_entity_results', table => {
    table.dropIndex([], 'reliability_results_scope_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('reliability_check_states', table => {
    table.index(['check_id', 'state'], 'reliability_check_states_check_idx');
  });
  await knex.schema.alterTable('reliability_entity_results', table => {
    table.index(['in_scope', 'lifecycle'], 'reliability_results_scope_idx');
  });
};
