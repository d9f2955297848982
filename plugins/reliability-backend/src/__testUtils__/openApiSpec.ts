import fs from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

type Schema = Record<string, any>;

export const SPEC_PATH = path.resolve(__dirname, '../schema/openapi.yaml');
const API_PREFIX = '/api/reliability';

/**
 * OpenAPI 3.0 schemas are not quite JSON Schema: `nullable`, boolean exclusive bounds.
 * Rewrites them so ajv checks exactly what the spec says.
 */
export function toJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) {
    return schema.map(toJsonSchema);
  }
  if (!schema || typeof schema !== 'object') {
    return schema;
  }
  const { nullable, ...rest } = schema as Schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(rest)) {
    out[key] = key === 'example' ? value : toJsonSchema(value);
  }
  if (out.exclusiveMinimum === true) {
    out.exclusiveMinimum = out.minimum;
    delete out.minimum;
  }
  if (out.exclusiveMaximum === true) {
    out.exclusiveMaximum = out.maximum;
    delete out.maximum;
  }
  return nullable === true ? { anyOf: [out, { type: 'null' }] } : out;
}

let compiled:
  | { spec: Schema; ajv: Ajv; cache: Map<string, ValidateFunction> }
  | undefined;

function load() {
  if (!compiled) {
    const spec = parse(fs.readFileSync(SPEC_PATH, 'utf8')) as Schema;
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    ajv.addSchema(
      { $id: 'spec', components: toJsonSchema(spec.components) } as Schema,
      'spec',
    );
    compiled = { spec, ajv, cache: new Map() };
  }
  return compiled;
}

/** The spec's path template matching a concrete request path (prefix and query removed). */
export function findPathTemplate(requestPath: string): string | undefined {
  const { spec } = load();
  const pathname = requestPath.split('?')[0].replace(API_PREFIX, '') || '/';
  return Object.keys(spec.paths).find(template =>
    new RegExp(
      `^${template
        .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
        .replace(/\{[^}]+\}/g, '[^/]+')}$`,
    ).test(pathname),
  );
}

/**
 * Validates a response against the spec; returns the problems, empty when it conforms.
 * An undocumented path, method or status is itself a problem.
 */
export function validateAgainstSpec(options: {
  method: string;
  path: string;
  status: number;
  body: unknown;
}): string[] {
  const { spec, ajv, cache } = load();
  const template = findPathTemplate(options.path);
  if (!template) {
    return [`${options.path} is not documented in openapi.yaml`];
  }
  const method = options.method.toLowerCase();
  const operation = spec.paths[template][method];
  if (!operation) {
    return [`${method.toUpperCase()} ${template} is not documented`];
  }
  let response = operation.responses[String(options.status)];
  if (!response) {
    return [
      `${method.toUpperCase()} ${template} does not document status ${
        options.status
      }`,
    ];
  }
  if (response.$ref) {
    response = response.$ref
      .replace('#/', '')
      .split('/')
      .reduce((node: Schema, key: string) => node[key], spec);
  }
  const schema = response.content?.['application/json']?.schema;
  if (!schema) {
    return [];
  }
  const key = `${method} ${template} ${options.status}`;
  let validate = cache.get(key);
  if (!validate) {
    const rewritten = JSON.parse(
      JSON.stringify(toJsonSchema(schema)).replace(
        /"#\/components\//g,
        '"spec#/components/',
      ),
    );
    validate = ajv.compile(rewritten);
    cache.set(key, validate);
  }
  if (validate(options.body)) {
    return [];
  }
  return (validate.errors ?? []).map(
    error => `${error.instancePath || '(body)'} ${error.message}`,
  );
}

/** Jest helper: asserts a supertest response conforms to the spec. */
export function expectToMatchSpec(response: {
  status: number;
  body: unknown;
}): void {
  // supertest keeps the node ClientRequest on the response; its type does not say so.
  const req = (response as unknown as { req: { method: string; path: string } })
    .req;
  const problems = validateAgainstSpec({
    method: req.method,
    path: req.path,
    status: response.status,
    body: response.body,
  });
  expect(problems).toEqual([]);
}
