import { InputError } from '@backstage/errors';
import {
  COVERAGE_GROUP_BYS,
  COVERAGE_MEASURES,
  COVERAGE_NONE_KEY,
  CoverageGroupBy,
  CoverageMeasure,
  ENTITY_SORTS,
  EntityListFilter,
  EntitySort,
  Verdict,
} from '@reliability-suite/plugin-reliability-common';
import { z } from 'zod';
import { normalizeEntityRef } from '../lib/entityRefParam';
import { decodeCursor } from '../lib/cursor';
import { withoutNul } from './noNul';

/**
 * Query parameters of the coverage endpoints. Lists may be repeated (`tier=0&tier=1`) or
 * comma-separated (`tier=0,1`); an empty value is the same as none.
 */

function oneOf<T extends string>(values: readonly T[]) {
  return z.enum(values as unknown as [T, ...T[]], {
    error: `must be one of ${values.join(', ')}`,
  });
}

function list<T extends z.ZodType>(item: T) {
  return z.preprocess(value => {
    if (value === undefined) return undefined;
    const items = (Array.isArray(value) ? value : [value])
      .flatMap(entry =>
        typeof entry === 'string' ? entry.split(',') : [entry],
      )
      .map(entry => (typeof entry === 'string' ? entry.trim() : entry))
      .filter(entry => entry !== '');
    return items.length > 0 ? items : undefined;
  }, z.array(item).optional());
}

function single<T extends z.ZodType>(item: T) {
  return z.preprocess(
    value => (value === '' ? undefined : value),
    item.optional(),
  );
}

function entityRef(defaultKind: string, example: string) {
  return z.string({ error: 'must be given once' }).transform((value, ctx) => {
    if (value.trim().toLocaleLowerCase('en-US') === COVERAGE_NONE_KEY) {
      return COVERAGE_NONE_KEY;
    }
    const ref = normalizeEntityRef(value, defaultKind);
    if (!ref) {
      ctx.addIssue({
        code: 'custom',
        message: `must be an entity ref such as "${example}" (or "none")`,
      });
      return z.NEVER;
    }
    return ref;
  });
}

function integer(options: { min: number; max: number }) {
  return z.coerce
    .number({ error: 'must be a number' })
    .int({ error: 'must be a whole number' })
    .min(options.min, { error: `must be at least ${options.min}` })
    .max(options.max, { error: `must be at most ${options.max}` });
}

const tierValue = z
  .string()
  .regex(/^(none|\d{1,3})$/, { error: 'must be tier levels or "none"' })
  .transform(value => (value === COVERAGE_NONE_KEY ? value : Number(value)));

const filterShape = {
  lifecycle: list(
    z.string().regex(/^(\*|[A-Za-z0-9][A-Za-z0-9._-]{0,62})$/, {
      error: 'must be lifecycle names such as "production", or "*" for all',
    }),
  ),
  kind: list(
    z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,62}$/, {
      error: 'must be entity kinds such as "component"',
    }),
  ),
  system: single(entityRef('system', 'system:default/payments')),
  owner: single(entityRef('group', 'group:default/team-a')),
  tier: list(tierValue),
};

const entityFilterShape = {
  ...filterShape,
  verdict: list(oneOf<Verdict>(['ready', 'ready-with-waivers', 'not-ready'])),
  maturity: list(integer({ min: 0, max: 20 })),
  failingCheck: single(
    z
      .string({ error: 'must be given once' })
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
        error: 'must be a check id such as "slo-defined"',
      }),
  ),
  stage: single(oneOf<CoverageMeasure>(COVERAGE_MEASURES)),
  missing: single(oneOf<CoverageMeasure>(COVERAGE_MEASURES)),
  search: single(
    withoutNul(z.string({ error: 'must be given once' })).max(100, {
      error: 'must be at most 100 characters',
    }),
  ),
};

const sortShape = {
  sort: single(oneOf<EntitySort>(ENTITY_SORTS)).transform(
    value => value ?? 'name',
  ),
  order: single(oneOf(['asc', 'desc'] as const)).transform(
    value => value ?? 'asc',
  ),
};

export const coverageQuerySchema = z.object({
  ...entityFilterShape,
  groupBy: single(oneOf<CoverageGroupBy>(COVERAGE_GROUP_BYS)).transform(
    value => value ?? 'tier',
  ),
});

export function historyQuerySchema(maxDays: number) {
  return z.object({
    ...filterShape,
    groupBy: single(oneOf(['tier', 'owner'] as const)).transform(
      value => value ?? 'tier',
    ),
    days: single(integer({ min: 1, max: maxDays })).transform(
      value => value ?? Math.min(90, maxDays),
    ),
  });
}

export const moversQuerySchema = z.object({
  ...filterShape,
  measure: single(oneOf<CoverageMeasure>(COVERAGE_MEASURES)).transform(
    value => value ?? 'withSlo',
  ),
  limit: single(integer({ min: 1, max: 50 })).transform(value => value ?? 5),
});

export const heatmapQuerySchema = z.object(entityFilterShape);

export const entityListQuerySchema = z
  .object({
    ...entityFilterShape,
    ...sortShape,
    limit: single(integer({ min: 1, max: 200 })).transform(
      value => value ?? 50,
    ),
    cursor: single(
      z
        .string({ error: 'must be given once' })
        .max(2048, { error: 'is not a cursor returned by this API' }),
    ),
  })
  .superRefine((query, ctx) => {
    // A hand-made cursor whose value does not fit the sort is refused here, before SQL.
    if (query.cursor === undefined) return;
    try {
      decodeCursor(query.cursor, {
        sort: query.sort,
        order: query.order,
        value: query.sort === 'name' ? 'text' : 'integer',
      });
    } catch (error) {
      ctx.addIssue({
        code: 'custom',
        path: ['cursor'],
        message: (error as Error).message.replace(/^Invalid cursor: /, ''),
      });
    }
  });

export const entityCsvQuerySchema = z.object({
  ...entityFilterShape,
  ...sortShape,
});

/**
 * Parses a request's query with a schema, or throws an InputError (400) naming each field.
 */
export function parseQuery<T extends z.ZodType>(
  schema: T,
  query: unknown,
): z.infer<T> {
  const parsed = schema.safeParse(query ?? {});
  if (!parsed.success) {
    throw new InputError(
      parsed.error.issues
        .map(
          issue =>
            `Invalid ${issue.path.join('.') || 'query'}: ${issue.message}`,
        )
        .join('; '),
    );
  }
  return parsed.data;
}

/** The filter part of a parsed query (undefined fields dropped). */
export function toFilter(query: Record<string, unknown>): EntityListFilter {
  const keys: Array<keyof EntityListFilter> = [
    'lifecycle',
    'kind',
    'system',
    'owner',
    'tier',
    'verdict',
    'maturity',
    'failingCheck',
    'stage',
    'missing',
    'search',
  ];
  const filter: Record<string, unknown> = {};
  for (const key of keys) {
    if (query[key] !== undefined) {
      filter[key] = query[key];
    }
  }
  return filter as EntityListFilter;
}
