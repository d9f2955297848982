import type { Entity } from '@backstage/catalog-model';
import type { EntityStatusItem } from '@backstage/catalog-model/alpha';
import { ENTITY_STATUS_CATALOG_PROCESSING_TYPE } from '@backstage/catalog-client';
import type { Problem } from '@reliability-suite/plugin-reliability-common';

/** The error name shown by the catalog's processing-error panel. */
export const RELIABILITY_PROBLEM_ERROR_NAME = 'ReliabilityAnnotationError';

/**
 * A problem as an entity status item of the catalog's own processing type, so the catalog's
 * `EntityProcessingErrorsPanel` shows errors (it lists `level: error` items of that type)
 * while the entity itself is stored normally.
 */
export function toStatusItem(problem: Problem): EntityStatusItem {
  const message = problem.howToFix
    ? `${problem.message}. ${problem.howToFix}`
    : problem.message;
  return {
    type: ENTITY_STATUS_CATALOG_PROCESSING_TYPE,
    level: problem.severity === 'error' ? 'error' : 'warning',
    message: `${RELIABILITY_PROBLEM_ERROR_NAME}: ${message}`,
    error: { name: RELIABILITY_PROBLEM_ERROR_NAME, message },
  };
}

/** The entity with the problems appended to `status.items` (other items are kept). */
export function withProblemStatus<T extends Entity>(
  entity: T,
  problems: Problem[],
): T {
  if (problems.length === 0) {
    return entity;
  }
  const status = (entity as { status?: { items?: EntityStatusItem[] } }).status;
  return {
    ...entity,
    status: {
      ...status,
      items: [...(status?.items ?? []), ...problems.map(toStatusItem)],
    },
  };
}
