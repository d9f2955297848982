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
 * The plugin's schema. Tables read by key only are `WITHOUT ROWID` on SQLite (the primary
 * key is the table), which knex's schema builder cannot say.
 */

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
 * @param {import('knex').Knex} knex
 * @param {string} name
 * @param {Array<[string, string]>} columns name and SQL type, with NOT NULL and defaults
 * @param {string[]} primaryKey
 */
async function createWithoutRowid(knex, name, columns, primaryKey) {
  await knex.raw(
    `CREATE TABLE ${name} (${columns
      .map(([column, type]) => `${column} ${type}`)
      .join(', ')}, PRIMARY KEY (${primaryKey.join(', ')})) WITHOUT ROWID`,
  );
}

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  const isSqlite = knex.client.config.client.includes('sqlite');

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
        'sha256 of the report without evaluatedAt and the descriptive columns; unchanged results are not rewritten',
      );
    table.text('report').notNullable().comment('ReliabilityReport as JSON');
    table
      .string('evaluated_at')
      .notNullable()
      .comment('ISO timestamp of the evaluation that last changed the row');
    // Coverage lists: filtered by scope and lifecycle, ordered by name, every other column
    // they filter by or show read from the index alone.
    table.index(
      [
        'in_scope',
        'lifecycle',
        'name',
        'entity_ref',
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
      ],
      'reliability_results_coverage_idx',
    );
  });
  if (!isSqlite) {
    // Reports stay in the row instead of being compressed into TOAST one by one.
    await knex.raw(
      'ALTER TABLE reliability_entity_results SET (toast_tuple_target = 8160)',
    );
  }

  // Checks needing attention per entity, as JSON arrays of check ids: what the
  // failing-check filter and the heatmap read. No row for an entity that has none.
  if (isSqlite) {
    await createWithoutRowid(
      knex,
      'reliability_check_summaries',
      [
        ['entity_ref', 'varchar(255) NOT NULL'],
        ['failing', 'text NOT NULL'],
        ['waived', 'text NOT NULL'],
      ],
      ['entity_ref'],
    );
  } else {
    await knex.schema.createTable('reliability_check_summaries', table => {
      table.comment(
        'Checks needing attention per entity: failing/unknown and waived, as JSON arrays of check ids',
      );
      table.string('entity_ref', 255).primary().notNullable();
      table.text('failing').notNullable();
      table.text('waived').notNullable();
    });
  }

  await knex.schema.createTable('reliability_runs', table => {
    table.comment('One row per full catalog evaluation');
    table.increments('id');
    table.string('started_at').notNullable();
    table.string('finished_at').nullable();
    table.integer('evaluated').notNullable().defaultTo(0);
    table.integer('written').notNullable().defaultTo(0);
    table.integer('deleted').notNullable().defaultTo(0);
    table
      .boolean('abandoned')
      .notNullable()
      .defaultTo(false)
      .comment(
        'Left unfinished by a backend that stopped; marked at the next start',
      );
    table.index(['finished_at'], 'reliability_runs_finished_idx');
  });

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

  await knex.schema.createTable('reliability_group_ancestry', table => {
    table.comment(
      'Every (group, ancestor) pair of the catalog group tree, each group with itself at depth 0',
    );
    table
      .string('group_ref', 255)
      .notNullable()
      .comment('Lower-case full ref of a group');
    table
      .string('ancestor_ref', 255)
      .notNullable()
      .comment('Lower-case full ref of the group or one of its ancestors');
    table
      .integer('depth')
      .notNullable()
      .comment('0 for the group itself, 1 for its parent, ...');
    table.primary(['group_ref', 'ancestor_ref']);
    table.index(['ancestor_ref'], 'reliability_group_ancestry_ancestor_idx');
  });

  // Daily coverage counters of in-scope entities, for trends. The day leads the key: range
  // reads and the retention delete (day < ?) use it.
  const dailyTables = [
    {
      name: 'reliability_daily_coverage',
      comment:
        'Coverage counters of in-scope entities per day, tier, owner, lifecycle and kind',
      dimensions: ['day', 'tier', 'owner_ref', 'lifecycle', 'kind'],
    },
    {
      name: 'reliability_daily_tier_coverage',
      comment:
        'Coverage counters of in-scope entities per day, tier, lifecycle and kind',
      dimensions: ['day', 'tier', 'lifecycle', 'kind'],
    },
  ];
  /** @type {Record<string, string>} */
  const dimensionTypes = {
    day: 'varchar(10) NOT NULL',
    tier: 'integer NOT NULL',
    owner_ref: 'varchar(255) NOT NULL',
    lifecycle: 'varchar(255) NOT NULL',
    kind: 'varchar(255) NOT NULL',
  };
  for (const { name, comment, dimensions } of dailyTables) {
    if (isSqlite) {
      /** @type {Array<[string, string]>} */
      const columns = [
        ...dimensions.map(
          d => /** @type {[string, string]} */ ([d, dimensionTypes[d]]),
        ),
        ...COUNTERS.map(
          c =>
            /** @type {[string, string]} */ ([c, 'integer NOT NULL DEFAULT 0']),
        ),
      ];
      await createWithoutRowid(knex, name, columns, dimensions);
      continue;
    }
    await knex.schema.createTable(name, table => {
      table.comment(comment);
      table.string('day', 10).notNullable().comment('UTC day, YYYY-MM-DD');
      table
        .integer('tier')
        .notNullable()
        .comment('Tier level; -1 for untiered');
      if (dimensions.includes('owner_ref')) {
        table
          .string('owner_ref', 255)
          .notNullable()
          .comment('Owner at snapshot time; empty when none');
      }
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
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const table of [
    'reliability_daily_tier_coverage',
    'reliability_daily_coverage',
    'reliability_group_ancestry',
    'reliability_history',
    'reliability_reviews',
    'reliability_waivers',
    'reliability_attestations',
    'reliability_runs',
    'reliability_check_summaries',
    'reliability_entity_results',
  ]) {
    await knex.schema.dropTable(table);
  }
};
