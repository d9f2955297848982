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
 * PostgreSQL only: results rows keep their report inline up to a full page
 * (`toast_tuple_target` 8160 bytes) instead of compressing every report over ~2 KB with
 * pglz. Stored reports average ~3.4 KB; compressing each one on write (and decompressing
 * it on every report read) was about a fifth of PostgreSQL's CPU during a full
 * evaluation of 50,000 entities. Larger rows are still moved out of line as before.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (knex.client.config.client.includes('sqlite')) {
    return;
  }
  await knex.raw(
    'ALTER TABLE reliability_entity_results SET (toast_tuple_target = 8160)',
  );
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  if (knex.client.config.client.includes('sqlite')) {
    return;
  }
  await knex.raw(
    'ALTER TABLE reliability_entity_results RESET (toast_tuple_target)',
  );
};
