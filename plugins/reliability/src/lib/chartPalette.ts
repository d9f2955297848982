import type { CoverageMeasure } from '@reliability-suite/plugin-reliability-common';

/**
 * The Okabe-Ito palette: eight colours that stay distinct under the common forms of colour
 * blindness (protanopia, deuteranopia, tritanopia) and in greyscale print.
 */
export const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  grey: '#999999',
  black: '#000000',
} as const;

/**
 * One fixed colour per tier key ("0".."3", "none"), so a tier keeps its colour whatever the
 * filters leave on the chart.
 */
export const TIER_COLORS: Record<string, string> = {
  '0': OKABE_ITO.vermillion,
  '1': OKABE_ITO.orange,
  '2': OKABE_ITO.blue,
  '3': OKABE_ITO.bluishGreen,
  none: OKABE_ITO.grey,
};

/** The colour of a tier key; unknown tiers share the reddish purple rather than shifting others. */
export function tierColor(key: string): string {
  return TIER_COLORS[key] ?? OKABE_ITO.reddishPurple;
}

/** One fixed colour per coverage measure, for charts with a series per measure. */
export const MEASURE_COLORS: Record<CoverageMeasure, string> = {
  withSlo: OKABE_ITO.skyBlue,
  withSloAlerting: OKABE_ITO.blue,
  withSloDashboardRunbook: OKABE_ITO.reddishPurple,
  withOncall: OKABE_ITO.orange,
  withRunbook: OKABE_ITO.yellow,
  withDashboard: OKABE_ITO.black,
  ready: OKABE_ITO.bluishGreen,
  waived: OKABE_ITO.grey,
};

/** The colour of a line that crosses a threshold (burn-down's zero line). */
export const THRESHOLD_COLOR = OKABE_ITO.vermillion;
