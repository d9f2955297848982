/**
 * Prometheus durations, as Pyrra windows and latencies are written: units from `y` down to
 * `ms`, largest first, each at most once (`4w`, `28d`, `1h30m`, `500ms`). `m` is a minute;
 * there is no month. A year is 365 days, as in Prometheus.
 */
const PROMETHEUS_DURATION =
  /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;

const SECONDS = [365 * 86400, 7 * 86400, 86400, 3600, 60, 1, 0.001];

/** The duration in seconds; null when it is not a Prometheus duration or is zero. */
export function parsePrometheusDuration(text: string): number | null {
  const match = PROMETHEUS_DURATION.exec(text);
  if (!match || text === '') {
    return null;
  }
  const seconds = SECONDS.reduce(
    (sum, unit, index) => sum + Number(match[index + 1] ?? 0) * unit,
    0,
  );
  return seconds > 0 ? seconds : null;
}
