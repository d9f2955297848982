/**
 * Catalog annotation keys and link types read by the suite (the common README lists them).
 * Vendor keys are the ones their own Backstage plugins define, never re-invented.
 */

/** Service tier, `"0"`..`"3"` on the default scale; 0 is the most critical. */
export const ANNOTATION_TIER = 'reliability/tier';
/** One SLO file: a path relative to the entity's catalog file, or `url:<absolute URL>`. */
export const ANNOTATION_SLO_REF = 'reliability/slo-ref';
/** A vendor-neutral on-call rotation (free text or a URL). */
export const ANNOTATION_ONCALL_ROTATION = 'reliability/oncall-rotation';
/** When the runbooks were last reviewed, `YYYY-MM-DD`. */
export const ANNOTATION_RUNBOOKS_REVIEWED = 'reliability/runbooks-reviewed';
/** The `reliability.prometheus.instances[].name` that measures the entity's SLOs. */
export const ANNOTATION_PROMETHEUS_INSTANCE = 'reliability/prometheus-instance';
/** Prefix of the suite's own keys. */
export const RELIABILITY_ANNOTATION_PREFIX = 'reliability/';

/** As defined by the PagerDuty plugin. */
export const ANNOTATION_PAGERDUTY_SERVICE_ID = 'pagerduty.com/service-id';
export const ANNOTATION_PAGERDUTY_INTEGRATION_KEY =
  'pagerduty.com/integration-key';
/** As defined by the Opsgenie plugin. */
export const ANNOTATION_OPSGENIE_TEAM = 'opsgenie.com/team';
export const ANNOTATION_OPSGENIE_COMPONENT_SELECTOR =
  'opsgenie.com/component-selector';
/** As defined by the Splunk On-Call plugin. */
export const ANNOTATION_SPLUNK_ON_CALL_TEAM = 'splunk.com/on-call-team';
export const ANNOTATION_SPLUNK_ON_CALL_ROUTING_KEY =
  'splunk.com/on-call-routing-key';

/** As defined by Backstage TechDocs. */
export const ANNOTATION_TECHDOCS_REF = 'backstage.io/techdocs-ref';
/** The catalog file an entity was read from (`file:/abs/path.yaml` or `url:https://...`). */
export const ANNOTATION_MANAGED_BY_LOCATION =
  'backstage.io/managed-by-location';

/** Explicit SLI kind on an SLO (OpenSLO label/annotation, Sloth label). */
export const SLO_LABEL_SLI = 'reliability/sli';

/** `metadata.links[].type` values read by the suite. */
export const LINK_TYPE_RUNBOOK = 'runbook';
export const LINK_TYPE_DASHBOARD = 'dashboard';

/**
 * On-call annotations in precedence order: with several present, the first wins
 * (pagerduty, opsgenie, splunk-on-call, other).
 */
export const ONCALL_ANNOTATIONS = [
  { provider: 'pagerduty', annotation: ANNOTATION_PAGERDUTY_SERVICE_ID },
  { provider: 'pagerduty', annotation: ANNOTATION_PAGERDUTY_INTEGRATION_KEY },
  { provider: 'opsgenie', annotation: ANNOTATION_OPSGENIE_TEAM },
  { provider: 'opsgenie', annotation: ANNOTATION_OPSGENIE_COMPONENT_SELECTOR },
  { provider: 'splunk-on-call', annotation: ANNOTATION_SPLUNK_ON_CALL_TEAM },
  {
    provider: 'splunk-on-call',
    annotation: ANNOTATION_SPLUNK_ON_CALL_ROUTING_KEY,
  },
  { provider: 'other', annotation: ANNOTATION_ONCALL_ROTATION },
] as const;

/** True when the entity carries any of the suite's own `reliability/` annotations. */
export function hasReliabilityAnnotations(
  annotations: Record<string, string> | undefined,
): boolean {
  return Object.keys(annotations ?? {}).some(key =>
    key.startsWith(RELIABILITY_ANNOTATION_PREFIX),
  );
}
