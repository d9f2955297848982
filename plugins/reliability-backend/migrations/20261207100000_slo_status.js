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
 * Live SLO status (Prometheus): the latest status of every SLO, and a thinned history of
 * figures for the burn-down chart, kept as long as coverage history.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('reliability_slo_status', table => {
    table.comment('The latest live status of each SLO of each entity');
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('Lower-case full entity ref');
    table.string('slo_name', 255).notNullable();
    table
      .string('state', 32)
      .notNullable()
      .comment(
        'exhausted, critical, warning, ok, no-data, unavailable, not-measured',
      );
    table
      .text('status_json')
      .notNullable()
      .comment('The SloStatus as served, JSON');
    table.string('measured_at', 32).notNullable().comment('ISO timestamp');
    table
      .string('since', 32)
      .notNullable()
      .comment('ISO timestamp of the first measurement in this state in a row');
    table
      .string('history_at', 32)
      .nullable()
      .comment('measured_at of the last history point written; null when none');
    table.primary(['entity_ref', 'slo_name']);
    table.index(['state'], 'reliability_slo_status_state_idx');
  });

  await knex.schema.createTable('reliability_slo_status_history', table => {
    table.comment(
      'Thinned history of the live figures of each SLO, for burn-down charts',
    );
    table.string('entity_ref', 255).notNullable();
    table.string('slo_name', 255).notNullable();
    table.string('measured_at', 32).notNullable().comment('ISO timestamp');
    table.string('state', 32).notNullable();
    table.double('sli').nullable();
    table.double('budget_remaining').nullable();
    table.primary(['entity_ref', 'slo_name', 'measured_at']);
    // The retention delete (measured_at < ?) reads by time alone.
    table.index(['measured_at'], 'reliability_slo_status_history_time_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('reliability_slo_status_history');
  await knex.schema.dropTable('reliability_slo_status');
};
