import type { Entity } from '@backstage/catalog-model';
import type { EntityProfile, Problem } from '../types';
import {
  ANNOTATION_RUNBOOKS_REVIEWED,
  ANNOTATION_SLO_REF,
  ANNOTATION_TECHDOCS_REF,
  ANNOTATION_TIER,
} from '../annotations';
import { ProfileTierDefinition, readTier } from './tier';
import { readOnCall } from './onCall';
import { readLinks } from './links';
import { readRunbooksReviewed } from './reviewDate';

/** The part of the policy the profile needs; a full `ReliabilityPolicy` fits. */
export interface ProfilePolicy {
  tiers: ProfileTierDefinition[];
}

export interface ReadEntityProfileOptions {
  /** "Today" for the future-date check; defaults to the current time. */
  now?: Date;
}

/**
 * Reads the suite's facts from an entity's annotations and links.
 * Never throws: each invalid value is left out and reported in `problems`.
 */
export function readEntityProfile(
  entity: Entity,
  policy: ProfilePolicy,
  options: ReadEntityProfileOptions = {},
): EntityProfile {
  const problems: Problem[] = [];
  const annotations: Record<string, string> = entity.metadata.annotations ?? {};
  const { runbooks, dashboards } = readLinks(entity, problems);
  return {
    tier: readTier(annotations[ANNOTATION_TIER], policy.tiers, problems),
    oncall: readOnCall(annotations, problems),
    runbooks,
    dashboards,
    runbooksReviewed: readRunbooksReviewed(
      annotations[ANNOTATION_RUNBOOKS_REVIEWED],
      options.now ?? new Date(),
      problems,
    ),
    hasDocs:
      readPresent(annotations, ANNOTATION_TECHDOCS_REF, problems) !== null,
    sloRef: readPresent(annotations, ANNOTATION_SLO_REF, problems),
    problems,
  };
}

/** The trimmed value; null when absent or empty (empty is reported). */
function readPresent(
  annotations: Record<string, string>,
  key: string,
  problems: Problem[],
): string | null {
  const raw = annotations[key];
  if (raw === undefined) {
    return null;
  }
  const value = String(raw).trim();
  if (value === '') {
    problems.push({
      severity: 'warning',
      field: key,
      message: `${key} is empty and is ignored`,
      howToFix: `Set ${key} to a value, or remove the annotation.`,
    });
    return null;
  }
  return value;
}
