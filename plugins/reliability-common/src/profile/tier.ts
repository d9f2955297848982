import type { Problem, TierInfo } from '../types';
import { ANNOTATION_TIER } from '../annotations';

export interface ProfileTierDefinition {
  level: number;
  name: string;
  description: string;
}

/**
 * Reads `reliability/tier`. Only the configured levels written exactly as strings count
 * (`"1"`, not `" 1"`, `"01"` or `"gold"`): a tier decides how strict the gate is, so a
 * doubtful value is reported rather than guessed.
 */
export function readTier(
  raw: string | undefined,
  tiers: ProfileTierDefinition[],
  problems: Problem[],
): TierInfo | null {
  if (raw === undefined) {
    return null;
  }
  const tier = tiers.find(candidate => String(candidate.level) === raw);
  if (tier) {
    return {
      level: tier.level,
      name: tier.name,
      description: tier.description,
    };
  }
  const allowed = tiers.map(candidate => `"${candidate.level}"`).join(', ');
  problems.push({
    severity: 'error',
    field: ANNOTATION_TIER,
    message: `${ANNOTATION_TIER} is "${raw}", which is not a configured tier; allowed values: ${allowed}`,
    howToFix: `Set \`${ANNOTATION_TIER}: "<level>"\` in metadata.annotations of catalog-info.yaml to one of ${allowed} (${describeScale(
      tiers,
    )}), quoted so YAML keeps it a string.`,
  });
  return null;
}

function describeScale(tiers: ProfileTierDefinition[]): string {
  const sorted = [...tiers].sort((a, b) => a.level - b.level);
  if (sorted.length === 0) {
    return 'no tiers are configured';
  }
  return `${sorted[0].level} is the most critical`;
}
