import type { NormalizedSlo } from '../types';
import type { DocumentReporter } from './report';
import { SlothSlo, slothDocumentSchema, slothSloSchema } from './schemas';
import { budgetFigures, explicitSliKind } from './normalize';
import { inferSliKind } from './sliKind';
import { readSlothObjective } from './target';
import { parseDuration } from './duration';
import { slothMeasurement } from './measurement';

export const SLOTH_VERSION = 'prometheus/v1';

/** The window is not in a Sloth file; Sloth's default is 30 days. */
export const SLOTH_DEFAULT_WINDOW = '30d';

const SLI_TYPES = ['events', 'raw', 'plugin'] as const;

/** The valid SLOs of a Sloth `prometheus/v1` document; each invalid one is reported. */
export function parseSlothDocument(
  document: { index: number; value: Record<string, unknown> },
  reporter: DocumentReporter,
): NormalizedSlo[] {
  const parsed = slothDocumentSchema.safeParse(document.value);
  if (!parsed.success) {
    reporter.zodIssues(
      parsed.error.issues,
      'Fix the field to match the Sloth prometheus/v1 specification.',
    );
    return [];
  }
  const { service, labels, slos } = parsed.data;
  if (!service) {
    reporter.error(
      ['service'],
      'missing: a Sloth file needs the service its SLOs belong to',
      'Add `service: <service name>` at the top level.',
    );
    return [];
  }
  if (!slos || slos.length === 0) {
    reporter.error(
      ['slos'],
      'missing: the Sloth file defines no SLOs',
      'Add `slos:` with at least one SLO (name, objective, sli).',
    );
    return [];
  }
  const result: NormalizedSlo[] = [];
  slos.forEach((raw, index) => {
    const sloReporter = reporter.child(['slos', index]);
    const slo = slothSloSchema.safeParse(raw);
    if (!slo.success) {
      sloReporter.zodIssues(
        slo.error.issues,
        'Fix the field to match the Sloth prometheus/v1 specification.',
      );
      return;
    }
    const normalized = normalizeSlothSlo(slo.data, {
      service,
      labels,
      document: document.index,
      reporter: sloReporter,
      documentReporter: reporter,
    });
    if (normalized) {
      result.push(normalized);
    }
  });
  return result;
}

function normalizeSlothSlo(
  slo: SlothSlo,
  context: {
    service: string;
    labels: Record<string, unknown> | undefined;
    document: number;
    reporter: DocumentReporter;
    documentReporter: DocumentReporter;
  },
): NormalizedSlo | null {
  const { reporter } = context;
  if (!slo.name) {
    reporter.error(
      ['name'],
      'missing: every Sloth SLO needs a name',
      'Add `name: <slo name>`, e.g. `name: requests-availability`.',
    );
    return null;
  }
  reporter.subject = `SLO "${slo.name}"`;
  const target = readSlothObjective(slo.objective, [], reporter);
  const sliTypes = SLI_TYPES.filter(type => slo.sli?.[type] !== undefined);
  if (sliTypes.length !== 1) {
    reporter.error(
      ['sli'],
      sliTypes.length === 0
        ? 'has none of events, raw or plugin'
        : `sets ${sliTypes.join(
            ' and ',
          )}; exactly one of events, raw or plugin is allowed`,
      'Give the SLI exactly one of `events` (error_query, total_query), `raw` (error_ratio_query) or `plugin` (id).',
    );
  }
  if (target === null || sliTypes.length !== 1) {
    return null;
  }
  const explicit = explicitSliKind(
    [
      { values: slo.labels, path: ['labels'] },
      // Top-level labels apply to every SLO of the file.
      {
        values: context.labels,
        path: ['labels'],
        reporter: context.documentReporter,
      },
    ],
    reporter,
  );
  const sli =
    explicit ?? inferSliKind([slo.name, slo.description, slo.sli?.plugin?.id]);
  const windowMinutes = parseDuration(SLOTH_DEFAULT_WINDOW)!.minutes;
  const alerting = slo.alerting;
  const hasAlerting =
    alerting !== undefined &&
    !(
      alerting.page_alert?.disable === true &&
      alerting.ticket_alert?.disable === true
    );
  return {
    name: slo.name,
    sli,
    target,
    window: SLOTH_DEFAULT_WINDOW,
    windowMinutes,
    ...budgetFigures(target, windowMinutes),
    hasAlerting,
    source: 'sloth',
    ...(slo.description !== undefined && { description: slo.description }),
    service: context.service,
    budgetingMethod: 'Occurrences',
    rolling: true,
    document: context.document,
    measurement: slothMeasurement(slo.sli),
  };
}
