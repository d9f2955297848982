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
 * Current evaluation result per catalog entity, the per-check states used by filters and
 * the heatmap, and one row per full evaluation run (to know when the last one finished).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('reliability_entity_results', table => {
    table.comment('Latest reliability evaluation of each catalog entity');
    table
      .string('entity_ref', 255)
      .primary()
      .notNullable()
      .comment('Lower-case kind:namespace/name');
    table.string('kind').notNullable();
    table.string('namespace').notNullable();
    table.string('name').notNullable();
    table.string('title').nullable();
    table.string('type').nullable().comment('spec.type');
    table.string('lifecycle').nullable().comment('spec.lifecycle');
    table
      .string('owner_ref', 255)
      .nullable()
      .comment('Lower-case full entity ref of spec.owner');
    table
      .string('system_ref', 255)
      .nullable()
      .comment('Lower-case full entity ref of spec.system');
    table.boolean('in_scope').notNullable();
    table.integer('tier').nullable();
    table.integer('score').nullable();
    table.string('verdict').nullable();
    table.integer('maturity_level').nullable();
    table.integer('expected_level').nullable();
    table.string('gate_decision').nullable();
    table.boolean('has_slo').notNullable().defaultTo(false);
    table.boolean('has_slo_alerting').notNullable().defaultTo(false);
    table.boolean('has_oncall').notNullable().defaultTo(false);
    table.boolean('has_runbook').notNullable().defaultTo(false);
    table.boolean('has_dashboard').notNullable().defaultTo(false);
    table.boolean('has_waiver').notNullable().defaultTo(false);
    table
      .string('result_hash', 64)
      .notNullable()
      .comment(
        'sha256 of the report without evaluatedAt; unchanged results are not rewritten',
      );
    table.text('report').notNullable().comment('ReliabilityReport as JSON');
    table
      .string('evaluated_at')
      .notNullable()
      .comment('ISO timestamp of the evaluation that last changed the row');

    table.index(['owner_ref'], 'reliability_results_owner_idx');
    table.index(['system_ref'], 'reliability_results_system_idx');
    table.index(['tier'], 'reliability_results_tier_idx');
    table.index(['in_scope', 'lifecycle'], 'reliability_results_scope_idx');
    table.index(['verdict'], 'reliability_results_verdict_idx');
    table.index(['maturity_level'], 'reliability_results_maturity_idx');
  });

  await knex.schema.createTable('reliability_check_states', table => {
    table.comment('Current state of each check of each in-scope entity');
    table.string('entity_ref', 255).notNullable();
    table.string('check_id', 255).notNullable();
    table.string('state').notNullable();
    table.boolean('required').notNullable();
    table.primary(['entity_ref', 'check_id']);
    table.index(['check_id', 'state'], 'reliability_check_states_check_idx');
  });

  await knex.schema.createTable('reliability_runs', table => {
    table.comment('One row per full catalog evaluation');
    table.increments('id');
    table.string('started_at').notNullable();
    table.string('finished_at').nullable();
    table.integer('evaluated').notNullable().defaultTo(0);
    table.integer('written').notNullable().defaultTo(0);
    table.integer('deleted').notNullable().defaultTo(0);
    table.index(['finished_at'], 'reliability_runs_finished_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('reliability_runs');
  await knex.schema.dropTable('reliability_check_states');
  await knex.schema.dropTable('reliability_entity_results');
};
