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
 * Readiness reviews: attestations (every version kept), waivers, review sign-offs and the
 * append-only history of every write. The unique (entity_ref, check_id, version/sequence)
 * constraints are what makes concurrent writers safe: two writers based on the same version
 * cannot both insert the next one.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('reliability_attestations', table => {
    table.comment(
      'Every version of every attestation; the highest version per check is the current state',
    );
    table.string('id', 36).primary().notNullable();
    table
      .string('entity_ref', 255)
      .notNullable()
      .comment('Lower-case kind:namespace/name');
    table.string('check_id', 255).notNullable();
    table
      .integer('version')
      .notNullable()
      .comment(
        '1 for the first attestation of the check, +1 per attest or revoke',
      );
    table.text('evidence_url').notNullable();
    table.text('comment').notNullable();
    table.string('attested_by', 255).notNullable();
    table.string('attested_at', 32).notNullable();
    table.string('expires_at', 32).notNullable();
    table
      .string('revoked_by', 255)
      .nullable()
      .comment('Set on the version that revoked the previous one');
    table.string('revoked_at', 32).nullable();
    table.text('revoke_comment').nullable();
    table.unique(['entity_ref', 'check_id', 'version'], {
      indexName: 'reliability_attestations_version_uq',
    });
    table.index(['entity_ref'], 'reliability_attestations_entity_idx');
  });

  await knex.schema.createTable('reliability_waivers', table => {
    table.comment('Waiver requests and their decisions');
    table.string('id', 36).primary().notNullable();
    table.string('entity_ref', 255).notNullable();
    table.string('check_id', 255).notNullable();
    table
      .integer('sequence')
      .notNullable()
      .comment(
        '1 for the first waiver requested for the check, +1 per request',
      );
    table.text('justification').notNullable();
    table.string('requested_by', 255).notNullable();
    table.string('requested_at', 32).notNullable();
    table.string('expires_at', 32).notNullable();
    table
      .string('status', 16)
      .notNullable()
      .comment('requested | approved | rejected | revoked');
    table.string('decided_by', 255).nullable();
    table.string('decided_at', 32).nullable();
    table.text('decision_comment').nullable();
    table
      .integer('version')
      .notNullable()
      .comment('Optimistic-concurrency version of the row');
    table.unique(['entity_ref', 'check_id', 'sequence'], {
      indexName: 'reliability_waivers_sequence_uq',
    });
    table.index(['entity_ref'], 'reliability_waivers_entity_idx');
    table.index(['status'], 'reliability_waivers_status_idx');
  });

  await knex.schema.createTable('reliability_reviews', table => {
    table.comment('Readiness review requests and their sign-off or rejection');
    table.string('id', 36).primary().notNullable();
    table.string('entity_ref', 255).notNullable();
    table
      .integer('sequence')
      .notNullable()
      .comment('1 for the first review of the entity, +1 per request');
    table.string('status', 16).notNullable();
    table.string('requested_by', 255).notNullable();
    table.string('requested_at', 32).notNullable();
    table.text('request_comment').nullable();
    table.string('decided_by', 255).nullable();
    table.string('decided_at', 32).nullable();
    table.text('decision_comment').nullable();
    table
      .text('snapshot')
      .nullable()
      .comment('ReviewSnapshot as JSON: the check states when decided');
    table.integer('version').notNullable();
    table.unique(['entity_ref', 'sequence'], {
      indexName: 'reliability_reviews_sequence_uq',
    });
    table.index(['entity_ref'], 'reliability_reviews_entity_idx');
  });

  await knex.schema.createTable('reliability_history', table => {
    table.comment('Append-only history of every review write');
    table.bigIncrements('id');
    table.string('entity_ref', 255).notNullable();
    table.string('check_id', 255).nullable();
    table.string('action', 64).notNullable();
    table.string('subject_id', 36).notNullable();
    table.integer('subject_version').notNullable();
    table.string('actor', 255).notNullable();
    table.string('occurred_at', 32).notNullable();
    table.text('comment').nullable();
    table.text('details').nullable().comment('JSON object');
    table.index(['entity_ref', 'id'], 'reliability_history_entity_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('reliability_history');
  await knex.schema.dropTable('reliability_reviews');
  await knex.schema.dropTable('reliability_waivers');
  await knex.schema.dropTable('reliability_attestations');
};
