import type { DocumentReporter } from './report';
import { isRecord } from './normalize';
import { SLOTH_VERSION } from './sloth';

type Value = Record<string, unknown>;

/** Sloth's Kubernetes field names and the `prometheus/v1` names they stand for. */
const RENAMES: Record<string, string> = {
  errorQuery: 'error_query',
  totalQuery: 'total_query',
  errorRatioQuery: 'error_ratio_query',
  pageAlert: 'page_alert',
  ticketAlert: 'ticket_alert',
};

/**
 * Sloth's Kubernetes resource (`apiVersion: sloth.slok.dev/v1`, `kind: PrometheusServiceLevel`)
 * holds a `prometheus/v1` document in `spec`, with camelCase field names. Returns that
 * document and a reporter for `spec`; null (reported) when it is no PrometheusServiceLevel.
 */
export function toSlothDocument(
  value: Value,
  reporter: DocumentReporter,
): { value: Value; reporter: DocumentReporter } | null {
  if (value.kind !== 'PrometheusServiceLevel') {
    reporter.error(
      ['kind'],
      `"${String(
        value.kind ?? '',
      )}" is not a Sloth kind; sloth.slok.dev/v1 SLOs are kind: PrometheusServiceLevel`,
      'Set kind: PrometheusServiceLevel.',
    );
    return null;
  }
  if (!isRecord(value.spec)) {
    reporter.error(
      ['spec'],
      'missing: a PrometheusServiceLevel needs a spec with service and slos',
      'Add `spec: { service: <name>, slos: [...] }`.',
    );
    return null;
  }
  const { spec } = value;
  return {
    value: {
      ...spec,
      version: SLOTH_VERSION,
      ...(Array.isArray(spec.slos) && {
        slos: spec.slos.map(slo => renameSloFields(slo)),
      }),
    },
    reporter: reporter
      .child(['spec'])
      .withFieldNames(
        Object.fromEntries(
          Object.entries(RENAMES).map(([camel, snake]) => [snake, camel]),
        ),
      ),
  };
}

function renameSloFields(slo: unknown): unknown {
  if (!isRecord(slo)) {
    return slo;
  }
  const result: Value = { ...slo };
  for (const part of ['sli', 'alerting']) {
    if (isRecord(slo[part])) {
      result[part] = renameDeep(slo[part] as Value);
    }
  }
  return result;
}

/** Renames the known camelCase keys; labels, annotations and plugin options stay as written. */
function renameDeep(value: Value): Value {
  const result: Value = {};
  for (const [key, item] of Object.entries(value)) {
    const keep = key === 'labels' || key === 'annotations' || key === 'options';
    result[RENAMES[key] ?? key] =
      isRecord(item) && !keep ? renameDeep(item) : item;
  }
  return result;
}
