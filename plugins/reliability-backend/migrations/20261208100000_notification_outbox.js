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
 * Notifications: the outbox every notification passes through, and the last observed state
 * each decision compares with. A notification is written to the outbox (in the transaction
 * of the state change that caused it, where there is one) and sent by whichever replica
 * claims its row, so it survives a restart and no two replicas send it.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('reliability_notification_outbox', table => {
    table.comment('Notifications waiting to be sent, and those sent lately');
    table.increments('id').primary();
    table
      .string('delivery_key', 1024)
      .notNullable()
      .unique({ indexName: 'reliability_notification_outbox_key_uq' })
      .comment(
        'One row per delivery: deciding the same thing twice adds nothing',
      );
    table.string('topic', 64).notNullable();
    table
      .text('recipients_json')
      .notNullable()
      .comment('{ entityRefs, excludeRefs }');
    table.text('payload_json').notNullable();
    table
      .string('status', 16)
      .notNullable()
      .comment('pending | sent | failed (gave up)');
    table.string('created_at', 32).notNullable();
    table
      .string('claimed_by', 64)
      .nullable()
      .comment('The drain that claimed the row last');
    table
      .string('claimed_until', 32)
      .nullable()
      .comment('Nobody else sends the row before this time');
    table.integer('attempts').notNullable().defaultTo(0);
    table.string('sent_at', 32).nullable();
    table.text('last_error').nullable();
    table.index(['status', 'id'], 'reliability_notification_outbox_status_idx');
  });

  await knex.schema.createTable('reliability_notification_state', table => {
    table.comment(
      'The last observed state per subject (an entity readiness, a coverage target, an SLO)',
    );
    table.string('state_key', 1024).primary().notNullable();
    table.text('state_json').notNullable();
    table.string('updated_at', 32).notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('reliability_notification_state');
  await knex.schema.dropTable('reliability_notification_outbox');
};
