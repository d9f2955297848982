import { isRecord } from './normalize';
import { SLOTH_VERSION } from './sloth';

/** The SLO formats read, told apart by `apiVersion` (and `version` for Sloth's own files). */
export type SloFormat =
  | 'openslo/v1'
  | 'openslo/v1alpha'
  | 'openslo.com/v2alpha'
  | 'sloth'
  | 'sloth-kubernetes'
  | 'pyrra'
  | 'nobl9';

export const SLOTH_KUBERNETES_API_VERSION = 'sloth.slok.dev/v1';
export const PYRRA_API_VERSION = 'pyrra.dev/v1alpha1';
export const NOBL9_API_VERSION = 'n9/v1alpha';

const BY_API_VERSION: Record<string, SloFormat> = {
  'openslo/v1': 'openslo/v1',
  'openslo/v1alpha': 'openslo/v1alpha',
  'openslo.com/v2alpha': 'openslo.com/v2alpha',
  [SLOTH_KUBERNETES_API_VERSION]: 'sloth-kubernetes',
  [PYRRA_API_VERSION]: 'pyrra',
  [NOBL9_API_VERSION]: 'nobl9',
};

/** What every format's documents start with; for the message on a document of none. */
export const SUPPORTED_HEADERS = [
  'apiVersion: openslo/v1 (kinds SLO, SLI, AlertPolicy, ...)',
  'apiVersion: openslo/v1alpha',
  'apiVersion: openslo.com/v2alpha',
  'version: prometheus/v1 (Sloth)',
  `apiVersion: ${SLOTH_KUBERNETES_API_VERSION} with kind: PrometheusServiceLevel (Sloth on Kubernetes)`,
  `apiVersion: ${PYRRA_API_VERSION} with kind: ServiceLevelObjective (Pyrra)`,
  `apiVersion: ${NOBL9_API_VERSION} with kind: SLO (Nobl9)`,
];

/** The format of a document; undefined when it is none this suite reads. */
export function detectFormat(value: unknown): SloFormat | undefined {
  if (!isRecord(value)) {
    return undefined;
  }
  if (typeof value.apiVersion === 'string') {
    return BY_API_VERSION[value.apiVersion];
  }
  return value.version === SLOTH_VERSION ? 'sloth' : undefined;
}
