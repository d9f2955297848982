import { useEffect, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import type {
  EntityListFilter,
  EntityListResponse,
  EntitySort,
} from '@reliability-suite/plugin-reliability-common';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../../api';
import { usePageRetry } from '../PageErrors';

export const ENTITY_PAGE_SIZE = 25;

export interface EntityPageState {
  page?: EntityListResponse;
  loading: boolean;
  error?: Error;
  /** 1-based page number. */
  pageNumber: number;
  /** Total over all pages, from the first page. */
  totalCount: number | null;
  hasPrevious: boolean;
  next(): void;
  previous(): void;
}

/**
 * One page of entities at a time (never more), paged by the backend's cursors. The cursors of
 * the pages already visited are kept so "previous" needs no offset; any change of filter or
 * sort starts again at the first page.
 */
export function useEntityPage(view: {
  filter: EntityListFilter;
  sort: EntitySort;
  order: 'asc' | 'desc';
}): EntityPageState {
  const api = useApi(reliabilityApiRef);
  const key = JSON.stringify(view);
  const [cursors, setCursors] = useState<Array<string | undefined>>([
    undefined,
  ]);
  const [totalCount, setTotalCount] = useState<number | null>(null);
  useEffect(() => {
    setCursors([undefined]);
    setTotalCount(null);
  }, [key]);
  const cursor = cursors[cursors.length - 1];

  const attempt = usePageRetry();
  const { value, loading, error } = useAsync(
    () =>
      api.listCoverageEntities({
        filter: view.filter,
        sort: view.sort,
        order: view.order,
        limit: ENTITY_PAGE_SIZE,
        cursor,
      }),
    [api, key, cursor, attempt],
  );
  useEffect(() => {
    if (value && value.totalCount !== null) setTotalCount(value.totalCount);
  }, [value]);

  return {
    page: value,
    loading,
    error,
    pageNumber: cursors.length,
    totalCount,
    hasPrevious: cursors.length > 1,
    next: () => {
      if (value?.nextCursor) setCursors([...cursors, value.nextCursor]);
    },
    previous: () => {
      if (cursors.length > 1) setCursors(cursors.slice(0, -1));
    },
  };
}
