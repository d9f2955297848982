import type { SliKind } from '../types';
import type { DocumentReporter, FieldPath } from './report';
import { EXPLICIT_SLI_KEYS, SLI_KINDS, isSliKind } from './sliKind';

/** Rounds away float noise (1 - 0.999 = 0.0010000000000000009). */
export function round10(value: number): number {
  return Math.round(value * 1e10) / 1e10;
}

export function budgetFigures(
  target: number,
  windowMinutes: number | null,
): { errorBudget: number; allowedBadMinutes: number | null } {
  const errorBudget = round10(1 - target);
  return {
    errorBudget,
    allowedBadMinutes:
      windowMinutes === null ? null : round10(errorBudget * windowMinutes),
  };
}

/** `Checkout Availability (p99)` → `checkout-availability-p99`. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface LabelSource {
  values: Record<string, unknown> | undefined;
  /** Where the labels are, for problems, e.g. `['metadata', 'labels']`. */
  path: FieldPath;
  /** When the labels are outside the reporter's part of the document (Sloth top-level labels). */
  reporter?: DocumentReporter;
}

/**
 * The SLI kind stated in labels/annotations (`reliability/sli`, else `sli`, else `sli-kind`),
 * first source first. A stated value that is not a known kind is reported and ignored.
 */
export function explicitSliKind(
  sources: LabelSource[],
  reporter: DocumentReporter,
): SliKind | undefined {
  for (const key of EXPLICIT_SLI_KEYS) {
    for (const source of sources) {
      const raw = source.values?.[key];
      const value = Array.isArray(raw) ? raw[0] : raw;
      if (value === undefined) {
        continue;
      }
      const normalized = typeof value === 'string' ? value.trim() : value;
      if (isSliKind(normalized)) {
        return normalized;
      }
      // Only our own key is a promise; generic `sli` labels may mean something else.
      if (key === 'reliability/sli') {
        (source.reporter ?? reporter).warning(
          [...source.path, key],
          `"${String(
            value,
          )}" is not an SLI kind; the kind is inferred from the names instead`,
          `Use one of: ${SLI_KINDS.join(', ')}.`,
        );
      }
    }
  }
  return undefined;
}
