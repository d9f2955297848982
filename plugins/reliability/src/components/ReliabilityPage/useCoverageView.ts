import { useCallback, useMemo } from 'react';
import { useLocation, useSearchParams } from 'react-router-dom';
import type {
  EntityListFilter,
  EntitySort,
} from '@reliability-suite/plugin-reliability-common';
import {
  coverageLink,
  coverageViewParams,
  CoverageView,
  parseCoverageView,
} from '../../lib/coverageParams';

export interface CoverageViewState extends CoverageView {
  /** Replaces filter parts (undefined removes them); keeps sort and order unless given. */
  update(
    changes: Partial<EntityListFilter>,
    sorting?: { sort?: EntitySort; order?: 'asc' | 'desc' },
  ): void;
  /** Clears every filter. */
  reset(): void;
  /** A link to this page with the aggregate filters kept and `changes` applied. */
  linkTo(changes: Partial<EntityListFilter>): string;
  /** A link to this page with exactly `filter`, ignoring the current view. */
  linkFresh(filter: EntityListFilter): string;
}

/**
 * The /reliability page's view lives in its URL, so every figure can link to the entities
 * behind it and any view can be bookmarked or shared.
 */
export function useCoverageView(): CoverageViewState {
  const [params, setParams] = useSearchParams();
  const { pathname } = useLocation();
  const view = useMemo(() => parseCoverageView(params), [params]);

  const update = useCallback(
    (
      changes: Partial<EntityListFilter>,
      sorting?: { sort?: EntitySort; order?: 'asc' | 'desc' },
    ) => {
      const filter = { ...view.filter, ...changes };
      for (const key of Object.keys(filter) as Array<keyof EntityListFilter>) {
        const value = filter[key];
        if (
          value === undefined ||
          value === '' ||
          (Array.isArray(value) && value.length === 0)
        ) {
          delete filter[key];
        }
      }
      setParams(
        coverageViewParams(filter, {
          sort: sorting?.sort ?? view.sort,
          order: sorting?.order ?? view.order,
        }),
      );
    },
    [view, setParams],
  );

  const reset = useCallback(
    () => setParams(new URLSearchParams()),
    [setParams],
  );

  const linkTo = useCallback(
    (changes: Partial<EntityListFilter>) =>
      coverageLink(pathname, view.filter, changes),
    [pathname, view.filter],
  );

  const linkFresh = useCallback(
    (filter: EntityListFilter) => coverageLink(pathname, {}, filter),
    [pathname],
  );

  return { ...view, update, reset, linkTo, linkFresh };
}
