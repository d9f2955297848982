import type { NormalizedSlo } from '../types';
import type { DocumentReporter, FieldPath } from './report';
import {
  OpenSloInlineSli,
  OpenSloObjective,
  OpenSloSpec,
  alertPolicyItemSchema,
  inlineSliSchema,
  openSloEnvelopeSchema,
  sloSpecSchema,
} from './schemas';
import { budgetFigures, explicitSliKind, isRecord, slugify } from './normalize';
import { openSloMeasurement } from './measurement';
import { inferSliKind } from './sliKind';
import { readOpenSloTarget } from './target';
import { readDuration, readOpenSloTimeWindow, SloWindow } from './window';

export const OPENSLO_API_VERSION = 'openslo/v1';

/** Kinds this suite reads, and kinds that may sit in an SLO file and are ignored silently. */
const READ_KINDS = ['SLO', 'SLI', 'AlertPolicy'];
const TOLERATED_KINDS = [
  'AlertCondition',
  'DataSource',
  'Service',
  'AlertNotificationTarget',
  'BudgetAdjustment',
];

const BUDGETING_METHODS = [
  'Occurrences',
  'Timeslices',
  'RatioTimeslices',
] as const;
type BudgetingMethod = (typeof BUDGETING_METHODS)[number];

export interface OpenSloDocument {
  index: number;
  value: Record<string, unknown>;
  reporter: DocumentReporter;
  /** The file the document is in, when several files are read together. */
  file?: string;
}

/** The SLI and AlertPolicy documents of the files read, by name, for references from SLOs. */
export interface OpenSloDefinitions {
  slis: Map<string, OpenSloInlineSli>;
  alertPolicies: Set<string>;
}

/**
 * First pass over a file's OpenSLO documents: validates the envelope, reports unknown kinds
 * and collects SLI and AlertPolicy definitions. Returns the SLO documents to parse.
 */
export function collectOpenSloDocuments(documents: OpenSloDocument[]): {
  definitions: OpenSloDefinitions;
  sloDocuments: OpenSloDocument[];
} {
  const definitions: OpenSloDefinitions = {
    slis: new Map(),
    alertPolicies: new Set(),
  };
  const sloDocuments: OpenSloDocument[] = [];
  for (const document of documents) {
    const { reporter } = document;
    if (document.value.apiVersion !== OPENSLO_API_VERSION) {
      reporter.error(
        ['apiVersion'],
        `"${String(
          document.value.apiVersion,
        )}" is not supported; only ${OPENSLO_API_VERSION} is read`,
        `Write the document for apiVersion: ${OPENSLO_API_VERSION}.`,
      );
      continue;
    }
    const envelope = openSloEnvelopeSchema.safeParse(document.value);
    if (!envelope.success) {
      reporter.zodIssues(
        envelope.error.issues,
        'Fix the field to match the OpenSLO v1 specification.',
      );
      continue;
    }
    const { kind, metadata } = envelope.data;
    if (kind === 'SLO') {
      sloDocuments.push(document);
    } else if (kind === 'SLI' || kind === 'AlertPolicy') {
      if (!metadata?.name) {
        reporter.error(
          ['metadata', 'name'],
          `missing: an ${kind} needs a name to be referenced`,
          `Add metadata.name to the ${kind} document.`,
        );
      } else if (kind === 'AlertPolicy') {
        definitions.alertPolicies.add(metadata.name);
      } else {
        const sli = inlineSliSchema.safeParse(document.value);
        if (sli.success) {
          definitions.slis.set(metadata.name, sli.data);
        } else {
          reporter.zodIssues(
            sli.error.issues,
            'Fix the SLI to match the OpenSLO v1 specification.',
          );
        }
      }
    } else if (!TOLERATED_KINDS.includes(kind ?? '')) {
      reporter.warning(
        ['kind'],
        kind === undefined
          ? 'missing; the document is ignored'
          : `"${kind}" is not an OpenSLO kind this suite reads; the document is ignored`,
        `Use one of ${[...READ_KINDS, ...TOLERATED_KINDS].join(', ')}.`,
      );
    }
  }
  return { definitions, sloDocuments };
}

type ResolvedIndicator = OpenSloInlineSli | 'absent' | 'invalid';

function resolveIndicator(
  holder: { indicator?: OpenSloInlineSli; indicatorRef?: string },
  path: FieldPath,
  definitions: OpenSloDefinitions,
  reporter: DocumentReporter,
): ResolvedIndicator {
  if (holder.indicator) {
    if (holder.indicatorRef !== undefined) {
      reporter.warning(
        [...path, 'indicatorRef'],
        'is ignored because an inline indicator is also set',
        'Keep either indicator or indicatorRef.',
      );
    }
    return holder.indicator;
  }
  if (holder.indicatorRef !== undefined) {
    const sli = definitions.slis.get(holder.indicatorRef);
    if (!sli) {
      const known = [...definitions.slis.keys()];
      reporter.error(
        [...path, 'indicatorRef'],
        `"${holder.indicatorRef}" is not an SLI in the SLO files read${
          known.length ? ` (SLIs there: ${known.join(', ')})` : ''
        }; the SLO is invalid`,
        'Add a `kind: SLI` document with that metadata.name to this file or to another file listed in reliability/slo-ref, fix the name, or inline the SLI under spec.indicator.',
      );
      return 'invalid';
    }
    return sli;
  }
  return 'absent';
}

/** Sets hasAlerting: at least one alert policy, inline or referenced. */
function readAlerting(
  items: unknown[] | undefined,
  definitions: OpenSloDefinitions,
  reporter: DocumentReporter,
): boolean {
  let hasAlerting = false;
  (items ?? []).forEach((item, index) => {
    const path = ['spec', 'alertPolicies', index];
    const parsed = alertPolicyItemSchema.safeParse(item);
    let reference: string | undefined;
    if (parsed.success && typeof parsed.data === 'string') {
      reference = parsed.data;
    } else if (parsed.success && typeof parsed.data === 'object') {
      const policy = parsed.data;
      if (policy.alertPolicyRef) {
        reference = policy.alertPolicyRef;
      } else if (policy.kind === 'AlertPolicy' && isRecord(policy.spec)) {
        hasAlerting = true;
        return;
      } else if (policy.kind === 'AlertPolicy' && policy.metadata?.name) {
        reference = policy.metadata.name;
      }
    }
    if (reference === undefined) {
      reporter.warning(
        path,
        'is neither an inline AlertPolicy (kind, metadata, spec) nor an alertPolicyRef; it is ignored',
        'Write `- alertPolicyRef: <name of an AlertPolicy>` or an inline `kind: AlertPolicy` with metadata and spec.',
      );
      return;
    }
    hasAlerting = true;
    if (!definitions.alertPolicies.has(reference)) {
      reporter.warning(
        path,
        `references AlertPolicy "${reference}", which is in none of the SLO files read; alerting still counts as defined`,
        'Add the AlertPolicy document to this file or to another file listed in reliability/slo-ref so the reference can be checked, or fix the name.',
      );
    }
  });
  return hasAlerting;
}

function readBudgetingMethod(
  value: string | undefined,
  reporter: DocumentReporter,
): BudgetingMethod | null {
  const path = ['spec', 'budgetingMethod'];
  const howToFix = `Set budgetingMethod to one of ${BUDGETING_METHODS.join(
    ', ',
  )}.`;
  if (value === undefined) {
    reporter.warning(path, 'missing; Occurrences is assumed', howToFix);
    return 'Occurrences';
  }
  if (!(BUDGETING_METHODS as readonly string[]).includes(value)) {
    reporter.error(path, `"${value}" is not a budgeting method`, howToFix);
    return null;
  }
  return value as BudgetingMethod;
}

function checkTimeSlices(
  objective: OpenSloObjective,
  path: FieldPath,
  budgetingMethod: BudgetingMethod,
  reporter: DocumentReporter,
): boolean {
  if (budgetingMethod === 'Occurrences') {
    return true;
  }
  const { timeSliceTarget, timeSliceWindow } = objective;
  if (budgetingMethod === 'Timeslices') {
    if (timeSliceTarget === undefined) {
      reporter.warning(
        [...path, 'timeSliceTarget'],
        'missing: Timeslices budgeting needs the share of good events that makes a slice good',
        'Add timeSliceTarget, a ratio in (0,1] such as 0.95.',
      );
    } else if (timeSliceTarget <= 0 || timeSliceTarget > 1) {
      reporter.error(
        [...path, 'timeSliceTarget'],
        `${timeSliceTarget} is outside (0,1]`,
        'Set timeSliceTarget to a ratio in (0,1] such as 0.95.',
      );
      return false;
    }
  }
  readDuration(
    timeSliceWindow,
    [...path, 'timeSliceWindow'],
    reporter,
    'warning',
  );
  return true;
}

function checkThreshold(
  objective: OpenSloObjective,
  path: FieldPath,
  indicator: OpenSloInlineSli,
  reporter: DocumentReporter,
): void {
  const isRatio =
    indicator.spec?.ratioMetric !== undefined &&
    indicator.spec?.thresholdMetric === undefined;
  if (
    isRatio &&
    (objective.op !== undefined || objective.value !== undefined)
  ) {
    const fields = ['op', 'value'].filter(
      field => objective[field as 'op' | 'value'] !== undefined,
    );
    reporter.warning(
      [...path, fields[0]],
      `${fields.join(
        ' and ',
      )} apply only to thresholdMetric SLIs; this SLI is a ratioMetric, so ${
        fields.length > 1 ? 'they are' : 'it is'
      } ignored`,
      `Drop ${fields.join(
        ' and ',
      )} from the objective: a ratioMetric objective needs only target (or targetPercent).`,
    );
    return;
  }
  if ((objective.op === undefined) !== (objective.value === undefined)) {
    const missing = objective.op === undefined ? 'op' : 'value';
    reporter.warning(
      [...path, missing],
      `missing: a threshold objective needs both op and value`,
      'Add op (lt, lte, gt or gte) and value, e.g. `op: lte` and `value: 300`.',
    );
  }
}

/** One NormalizedSlo per valid objective of an OpenSLO `kind: SLO` document. */
export function parseOpenSloSlo(
  document: OpenSloDocument,
  definitions: OpenSloDefinitions,
): NormalizedSlo[] {
  const { reporter, value } = document;
  const metadata = isRecord(value.metadata) ? value.metadata : {};
  const name = typeof metadata.name === 'string' ? metadata.name : undefined;
  if (!name) {
    reporter.error(
      ['metadata', 'name'],
      'missing: every SLO needs a name',
      'Add metadata.name, e.g. `name: checkout-availability`.',
    );
    return [];
  }
  reporter.subject = `SLO "${name}"`;
  if (!isRecord(value.spec)) {
    reporter.error(
      ['spec'],
      'missing: an SLO needs a spec with indicator, timeWindow, budgetingMethod and objectives',
      'Add the spec; see https://github.com/OpenSLO/OpenSLO#slo.',
    );
    return [];
  }
  const specResult = sloSpecSchema.safeParse(value.spec);
  if (!specResult.success) {
    reporter
      .child(['spec'])
      .zodIssues(
        specResult.error.issues,
        'Fix the field to match the OpenSLO v1 SLO specification.',
      );
    return [];
  }
  const spec: OpenSloSpec = specResult.data;

  const specIndicator = resolveIndicator(spec, ['spec'], definitions, reporter);
  const objectives = spec.objectives ?? [];
  const anyObjectiveIndicator = objectives.some(
    objective => objective.indicator || objective.indicatorRef !== undefined,
  );
  if (specIndicator === 'absent' && !anyObjectiveIndicator) {
    reporter.error(
      ['spec'],
      'has neither indicator (an inline SLI) nor indicatorRef (the name of an SLI document in this file); the SLO is invalid',
      'Add `indicatorRef: <SLI name>` with a `kind: SLI` document in the file, or an inline `indicator:` with metadata and spec.',
    );
  }
  const window = readOpenSloTimeWindow(spec.timeWindow, reporter);
  const budgetingMethod = readBudgetingMethod(spec.budgetingMethod, reporter);
  if (objectives.length === 0) {
    reporter.error(
      ['spec', 'objectives'],
      'missing: an SLO needs at least one objective with a target',
      'Add `objectives: [{ displayName: Good requests, target: 0.999 }]`.',
    );
  }
  const hasAlerting = readAlerting(spec.alertPolicies, definitions, reporter);
  if (
    specIndicator === 'invalid' ||
    (specIndicator === 'absent' && !anyObjectiveIndicator) ||
    !window ||
    !budgetingMethod
  ) {
    // Objectives are still checked so that every problem is reported at once.
    objectives.forEach((objective, index) =>
      readOpenSloTarget(objective, ['spec', 'objectives', index], reporter),
    );
    return [];
  }

  const slos: NormalizedSlo[] = [];
  objectives.forEach((objective, index) => {
    const path = ['spec', 'objectives', index];
    const target = readOpenSloTarget(objective, path, reporter);
    const slicesOk = checkTimeSlices(
      objective,
      path,
      budgetingMethod,
      reporter,
    );
    const objectiveIndicator = resolveIndicator(
      objective,
      path,
      definitions,
      reporter,
    );
    const indicator =
      objectiveIndicator === 'absent' ? specIndicator : objectiveIndicator;
    if (indicator === 'absent') {
      reporter.error(
        path,
        'has no indicator: neither the objective nor spec sets indicator or indicatorRef',
        'Add indicatorRef (or an inline indicator) to spec or to this objective.',
      );
      return;
    }
    if (indicator !== 'invalid') {
      checkThreshold(objective, path, indicator, reporter);
    }
    if (target === null || !slicesOk || indicator === 'invalid') {
      return;
    }
    slos.push(
      buildSlo({
        document,
        metadata,
        name: objectiveName(name, objective, index, objectives.length),
        spec,
        objective,
        indicator,
        target,
        window,
        budgetingMethod,
        hasAlerting,
      }),
    );
  });
  return slos;
}

function objectiveName(
  sloName: string,
  objective: OpenSloObjective,
  index: number,
  count: number,
): string {
  if (count === 1) {
    return sloName;
  }
  const suffix = slugify(objective.displayName ?? '') || String(index);
  return slugify(`${sloName}-${suffix}`);
}

function buildSlo(options: {
  document: OpenSloDocument;
  metadata: Record<string, unknown>;
  name: string;
  spec: OpenSloSpec;
  objective: OpenSloObjective;
  indicator: OpenSloInlineSli;
  target: number;
  window: SloWindow;
  budgetingMethod: BudgetingMethod;
  hasAlerting: boolean;
}): NormalizedSlo {
  const { document, metadata, spec, objective, indicator, target, window } =
    options;
  const sliMetadata = indicator.metadata ?? {};
  const explicit = explicitSliKind(
    [
      { values: asRecord(metadata.labels), path: ['metadata', 'labels'] },
      {
        values: asRecord(metadata.annotations),
        path: ['metadata', 'annotations'],
      },
      {
        values: sliMetadata.labels,
        path: ['spec', 'indicator', 'metadata', 'labels'],
      },
      {
        values: sliMetadata.annotations,
        path: ['spec', 'indicator', 'metadata', 'annotations'],
      },
    ],
    document.reporter,
  );
  const sli =
    explicit ??
    inferSliKind(
      [
        options.name,
        asString(metadata.displayName),
        spec.description,
        objective.displayName,
        sliMetadata.name,
        sliMetadata.displayName,
        indicator.spec?.description,
      ],
      indicator.spec?.thresholdMetric !== undefined ? 'latency' : 'other',
    );
  return {
    name: options.name,
    sli,
    target,
    window: window.window,
    windowMinutes: window.windowMinutes,
    ...budgetFigures(target, window.windowMinutes),
    hasAlerting: options.hasAlerting,
    source: 'openslo',
    ...(spec.description !== undefined && { description: spec.description }),
    ...(spec.service !== undefined && { service: spec.service }),
    budgetingMethod: options.budgetingMethod,
    rolling: window.rolling,
    document: document.index,
    ...(options.budgetingMethod !== 'Occurrences' &&
      objective.timeSliceWindow !== undefined && {
        timeSlices: {
          window: String(objective.timeSliceWindow),
          target: objective.timeSliceTarget ?? null,
        },
      }),
    measurement: openSloMeasurement(indicator),
  };
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return isRecord(value) ? value : undefined;
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
