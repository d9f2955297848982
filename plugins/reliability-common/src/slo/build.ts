import type {
  NormalizedSlo,
  SliMeasurement,
  SliKind,
  SloSource,
} from '../types';
import { budgetFigures } from './normalize';

/** The NormalizedSlo of the formats read without the OpenSLO reader (Pyrra, Nobl9). */
export function buildSlo(fields: {
  name: string;
  sli: SliKind;
  target: number;
  window: string;
  windowMinutes: number;
  hasAlerting: boolean;
  source: SloSource;
  description?: string;
  service?: string;
  budgetingMethod: NonNullable<NormalizedSlo['budgetingMethod']>;
  rolling: boolean;
  document: number;
  measurement: SliMeasurement;
}): NormalizedSlo {
  const { description, service, measurement, ...rest } = fields;
  return {
    name: rest.name,
    sli: rest.sli,
    target: rest.target,
    window: rest.window,
    windowMinutes: rest.windowMinutes,
    ...budgetFigures(rest.target, rest.windowMinutes),
    hasAlerting: rest.hasAlerting,
    source: rest.source,
    ...(description !== undefined && { description }),
    ...(service !== undefined && { service }),
    budgetingMethod: rest.budgetingMethod,
    rolling: rest.rolling,
    document: rest.document,
    measurement,
  };
}
