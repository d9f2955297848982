import {
  COVERAGE_MEASURES,
  COVERAGE_NONE_KEY,
  CoverageMeasure,
  ENTITY_SORTS,
  EntityListFilter,
  EntitySort,
  Verdict,
} from '@reliability-suite/plugin-reliability-common';

/**
 * The entity-list filters, sort and order as URL query parameters, in the same form the
 * backend reads (`tier=0,1&owner=group:default/team-a&stage=withSlo`). The /reliability page
 * keeps them in its URL, so every number can link to the entities behind it.
 */
export interface CoverageView {
  filter: EntityListFilter;
  sort: EntitySort;
  order: 'asc' | 'desc';
}

const VERDICTS: readonly Verdict[] = [
  'ready',
  'ready-with-waivers',
  'not-ready',
];

const LIST_KEYS = ['lifecycle', 'kind', 'tier', 'verdict', 'maturity'] as const;
const SINGLE_KEYS = [
  'owner',
  'system',
  'failingCheck',
  'stage',
  'missing',
  'search',
] as const;

function list(params: URLSearchParams, key: string): string[] | undefined {
  const values = params
    .getAll(key)
    .flatMap(value => value.split(','))
    .map(value => value.trim())
    .filter(Boolean);
  return values.length ? values : undefined;
}

function isMeasure(value: string | null): value is CoverageMeasure {
  return value !== null && (COVERAGE_MEASURES as string[]).includes(value);
}

/** Reads a view from URL parameters, dropping values the backend would refuse. */
export function parseCoverageView(params: URLSearchParams): CoverageView {
  const filter: EntityListFilter = {};
  const lifecycle = list(params, 'lifecycle');
  if (lifecycle) filter.lifecycle = lifecycle;
  const kind = list(params, 'kind');
  if (kind) filter.kind = kind;
  const tier = list(params, 'tier')
    ?.filter(value => value === COVERAGE_NONE_KEY || /^\d+$/.test(value))
    .map(value =>
      value === COVERAGE_NONE_KEY ? COVERAGE_NONE_KEY : Number(value),
    );
  if (tier?.length) filter.tier = tier as Array<number | 'none'>;
  const verdict = list(params, 'verdict')?.filter((value): value is Verdict =>
    (VERDICTS as string[]).includes(value),
  );
  if (verdict?.length) filter.verdict = verdict;
  const maturity = list(params, 'maturity')
    ?.filter(value => /^\d+$/.test(value))
    .map(Number);
  if (maturity?.length) filter.maturity = maturity;
  for (const key of ['owner', 'system', 'failingCheck', 'search'] as const) {
    const value = params.get(key)?.trim();
    if (value) filter[key] = value;
  }
  const stage = params.get('stage');
  if (isMeasure(stage)) filter.stage = stage;
  const missing = params.get('missing');
  if (isMeasure(missing)) filter.missing = missing;

  const sortParam = params.get('sort');
  const sort = (ENTITY_SORTS as string[]).includes(sortParam ?? '')
    ? (sortParam as EntitySort)
    : 'name';
  const order = params.get('order') === 'desc' ? 'desc' : 'asc';
  return { filter, sort, order };
}

/** The URL parameters of a filter (and, when given, sort and order). */
export function coverageViewParams(
  filter: EntityListFilter,
  sorting?: { sort?: EntitySort; order?: 'asc' | 'desc' },
): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of LIST_KEYS) {
    const values = filter[key];
    if (values && values.length) {
      params.set(key, values.join(','));
    }
  }
  for (const key of SINGLE_KEYS) {
    const value = filter[key];
    if (value) {
      params.set(key, String(value));
    }
  }
  if (sorting?.sort && sorting.sort !== 'name') {
    params.set('sort', sorting.sort);
  }
  if (sorting?.order === 'desc') {
    params.set('order', 'desc');
  }
  return params;
}

/** The filter without the parts that only narrow the entity list, for the aggregate views. */
export function aggregateFilter(filter: EntityListFilter): EntityListFilter {
  const { lifecycle, kind, owner, system, tier } = filter;
  return Object.fromEntries(
    Object.entries({ lifecycle, kind, owner, system, tier }).filter(
      ([, value]) => value !== undefined,
    ),
  ) as EntityListFilter;
}

/**
 * A link to the /reliability page showing the entities behind a number: the current view's
 * aggregate filters (lifecycle, kind, owner, system, tier) with `changes` applied on top.
 */
export function coverageLink(
  basePath: string,
  filter: EntityListFilter,
  changes: Partial<EntityListFilter>,
): string {
  const merged: EntityListFilter = { ...aggregateFilter(filter), ...changes };
  for (const key of Object.keys(merged) as Array<keyof EntityListFilter>) {
    if (merged[key] === undefined) delete merged[key];
  }
  const query = coverageViewParams(merged).toString();
  return query ? `${basePath}?${query}` : basePath;
}
