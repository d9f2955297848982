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
 * The hash a stored result is compared by: sha256 of the stored report JSON without its
 * `evaluatedAt`, a newline, and the descriptive columns as a JSON array. An unchanged
 * entity hashes the same on every run and is not rewritten, while a renamed title or a
 * new owner still is. Plain JavaScript beside the SQLite writer, which computes it on its
 * own thread; the backend's thread computes it with the same function for PostgreSQL.
 */

const { createHash } = require('node:crypto');

/**
 * @param {string} reportJson the stored JSON, ending with its `"evaluatedAt"` member
 * @param {string} evaluatedAt that member's value
 * @param {unknown[]} descriptor kind, namespace, name, title, type, lifecycle, owner and system refs
 * @returns {string} the hash as hex
 */
function resultHash(reportJson, evaluatedAt, descriptor) {
  const tail = `,"evaluatedAt":${JSON.stringify(evaluatedAt)}}`;
  if (!reportJson.endsWith(tail)) {
    throw new Error(
      `A stored report must end with its evaluatedAt (${evaluatedAt}) to be hashed`,
    );
  }
  // The part before the tail is hashed where it lies: no second copy of the report.
  return createHash('sha256')
    .update(reportJson.slice(0, reportJson.length - tail.length))
    .update('}\n')
    .update(JSON.stringify(descriptor))
    .digest('hex');
}

module.exports = { resultHash };
