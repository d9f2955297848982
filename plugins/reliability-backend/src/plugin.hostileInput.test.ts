import fs from 'node:fs';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
  type TestDatabaseId,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ENTITY_SORTS } from '@reliability-suite/plugin-reliability-common';
import request from 'supertest';
import { parse } from 'yaml';
import { reliabilityPlugin } from './plugin';
import { SPEC_PATH } from './__testUtils__/openApiSpec';
import { createCatalogFixture } from './__testUtils__/fixtures';

jest.setTimeout(180_000);

/**
 * Sends malformed input to every endpoint of the OpenAPI spec, on every database, and fails
 * on any 5xx or dropped connection, and on any 400 that does not name what is wrong: bad
 * input is the caller's problem, answered with a 4xx that says how to fix it. The cases are bounded (a few hundred requests per database).
 */

type Spec = { paths: Record<string, Record<string, Operation>> } & Record<
  string,
  any
>;
interface Operation {
  parameters?: Array<{ $ref?: string; name?: string; in?: string }>;
  requestBody?: {
    content: { 'application/json': { schema: { $ref: string } } };
  };
}

const spec = parse(fs.readFileSync(SPEC_PATH, 'utf8')) as Spec;

function deref<T>(value: { $ref?: string }): T {
  if (!value.$ref) return value as T;
  return value.$ref
    .replace(/^#\//, '')
    .split('/')
    .reduce((node: any, key) => node[key], spec) as T;
}

/** Values that are valid enough to reach the code behind each path parameter. */
const VALID_PATH: Record<string, string> = {
  kind: 'component',
  namespace: 'default',
  name: 'checkout',
  checkId: 'rollback-plan',
  waiverId: '00000000-0000-4000-8000-000000000000',
  reviewId: '00000000-0000-4000-8000-000000000000',
};

/** Malformed values, already in URL form: encoded text and raw broken %-escapes. */
const BAD_URL_VALUES = [
  '%00',
  'a%00b',
  '%E0%A4%A',
  '%',
  '%zz',
  '%C0%80',
  '%ED%A0%80',
  encodeURIComponent('x'.repeat(3000)),
  encodeURIComponent('☃'),
  encodeURIComponent("'; drop table x; --"),
  '-1',
  '1e309',
  '..',
];

const BAD_QUERY_VALUES = [...BAD_URL_VALUES, ''];

function cursor(payload: unknown): string {
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

/** Hand-made cursors whose value does not match the sort, or carry NUL bytes. */
function handMadeCursors(): string[] {
  return ENTITY_SORTS.flatMap(sort =>
    (['asc', 'desc'] as const).flatMap(order => [
      `sort=${sort}&order=${order}&cursor=${cursor([
        sort,
        order,
        'abc',
        'component:default/x',
      ])}`,
      `sort=${sort}&order=${order}&cursor=${cursor([
        sort,
        order,
        12.5,
        'component:default/x',
      ])}`,
      `sort=${sort}&order=${order}&cursor=${cursor([
        sort,
        order,
        1e308,
        'component:default/x',
      ])}`,
      `sort=${sort}&order=${order}&cursor=${cursor([
        sort,
        order,
        'a\u0000',
        'x\u0000',
      ])}`,
    ]),
  );
}

const BAD_JSON_VALUES: unknown[] = [
  '\u0000',
  'a\u0000b',
  'https://evidence.example.com/\u0000',
  'x'.repeat(5000),
  '\ud800',
  123,
  -1,
  1.5,
  null,
  [],
  {},
  true,
];

const VALID_BODY: Record<string, unknown> = {
  evidenceUrl: 'https://evidence.example.com/run/1',
  comment: 'looked fine',
  justification: 'a migration is under way',
  expiresAt: '2099-01-01',
  expectedVersion: 0,
};

const RAW_BODIES = [
  '{"comment":',
  '{comment: 1}',
  '[]',
  'null',
  '"text"',
  '{"a":1}}',
];

interface Case {
  method: 'get' | 'post';
  url: string;
  body?: unknown;
  rawBody?: string;
}

function pathWith(template: string, bad?: { name: string; value: string }) {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) =>
    bad?.name === name ? bad.value : VALID_PATH[name],
  );
}

function casesFor(
  template: string,
  method: 'get' | 'post',
  op: Operation,
): Case[] {
  const params = (op.parameters ?? []).map(p =>
    deref<{ name?: string; in?: string }>(p),
  );
  const cases: Case[] = [];
  const base = `/api/reliability${pathWith(template)}`;
  const body = op.requestBody
    ? deref<{ properties: Record<string, unknown> }>(
        op.requestBody.content['application/json'].schema,
      )
    : undefined;
  const validBody = body
    ? Object.fromEntries(
        Object.keys(body.properties).map(key => [key, VALID_BODY[key]]),
      )
    : undefined;

  for (const param of params.filter(p => p.in === 'path')) {
    for (const value of BAD_URL_VALUES) {
      cases.push({
        method,
        url: `/api/reliability${pathWith(template, {
          name: param.name!,
          value,
        })}`,
        body: validBody,
      });
    }
  }
  for (const param of params.filter(p => p.in === 'query')) {
    for (const value of BAD_QUERY_VALUES) {
      cases.push({ method, url: `${base}?${param.name}=${value}` });
    }
    cases.push({ method, url: `${base}?${param.name}=a&${param.name}=b` });
    if (param.name === 'cursor') {
      cases.push(
        ...handMadeCursors().map(query => ({
          method,
          url: `${base}?${query}`,
        })),
      );
      cases.push({ method, url: `${base}?cursor=${cursor(['x'])}` });
    }
  }
  if (validBody) {
    for (const key of Object.keys(validBody)) {
      for (const value of BAD_JSON_VALUES) {
        cases.push({ method, url: base, body: { ...validBody, [key]: value } });
      }
    }
    for (const rawBody of RAW_BODIES) {
      cases.push({ method, url: base, rawBody });
    }
  }
  return cases;
}

function allCases(): Case[] {
  return Object.entries(spec.paths).flatMap(([template, operations]) =>
    (['get', 'post'] as const)
      .filter(method => operations[method])
      .flatMap(method => casesFor(template, method, operations[method])),
  );
}

describe('hostile input to every endpoint', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_16'] });

  it.each(databases.eachSupportedId())(
    'answers no 5xx and drops no connection on %p',
    async (databaseId: TestDatabaseId) => {
      const fixture = await createCatalogFixture();
      const knex = await databases.init(databaseId);
      const backend = await startTestBackend({
        features: [
          reliabilityPlugin,
          catalogServiceMock.factory({ entities: fixture.entities }),
          mockServices.database.factory({ knex }),
          mockServices.scheduler.factory({
            includeInitialDelayedTasksOnStartup: true,
          }),
        ],
      });
      const cases = allCases();
      const failures: string[] = [];
      // A 400 must say which part of the request is wrong ("Invalid <field>: ...").
      const unnamed = new Set<string>();
      try {
        for (const c of cases) {
          let call = request(backend.server)[c.method](c.url);
          if (c.rawBody !== undefined) {
            call = call.set('Content-Type', 'application/json').send(c.rawBody);
          } else if (c.body !== undefined) {
            call = call.send(c.body as object);
          }
          try {
            const res = await call;
            const message = String(res.body?.error?.message ?? '');
            if (res.status === 400 && !/^Invalid [\w .-]+: /.test(message)) {
              unnamed.add(message);
            }
            if (res.status >= 500) {
              failures.push(
                `${c.method.toUpperCase()} ${c.url.slice(
                  0,
                  200,
                )} ${JSON.stringify(c.body ?? c.rawBody ?? '').slice(
                  0,
                  120,
                )} -> ${res.status} ${res.body?.error?.message ?? ''}`,
              );
            }
          } catch (error) {
            failures.push(
              `${c.method.toUpperCase()} ${c.url.slice(0, 200)} -> ${error}`,
            );
          }
        }
      } finally {
        await backend.stop();
        await fixture.cleanup();
      }
      expect(cases.length).toBeGreaterThan(500);
      expect(failures).toEqual([]);
      expect([...unnamed]).toEqual([]);
    },
  );
});
