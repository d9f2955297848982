import { COVERAGE_MEASURES } from '@reliability-suite/plugin-reliability-common';
import {
  MEASURE_COLORS,
  OKABE_ITO,
  TIER_COLORS,
  tierColor,
} from './chartPalette';

describe('chartPalette', () => {
  const okabeIto = new Set<string>(Object.values(OKABE_ITO));

  it('gives every tier and Untiered its own Okabe-Ito colour', () => {
    const keys = ['0', '1', '2', '3', 'none'];
    const colors = keys.map(tierColor);
    expect(new Set(colors).size).toBe(keys.length);
    colors.forEach(color => expect(okabeIto.has(color)).toBe(true));
    expect(Object.keys(TIER_COLORS).sort()).toEqual([...keys].sort());
  });

  it('keeps a tier colour independent of which other tiers are shown', () => {
    expect(tierColor('2')).toBe(TIER_COLORS['2']);
    expect(['3', '2'].map(tierColor)).toEqual([
      TIER_COLORS['3'],
      TIER_COLORS['2'],
    ]);
  });

  it('gives an unknown tier a colour no known tier uses', () => {
    expect(Object.values(TIER_COLORS)).not.toContain(tierColor('7'));
  });

  it('gives every coverage measure its own Okabe-Ito colour', () => {
    const colors = COVERAGE_MEASURES.map(measure => MEASURE_COLORS[measure]);
    expect(new Set(colors).size).toBe(COVERAGE_MEASURES.length);
    colors.forEach(color => expect(okabeIto.has(color)).toBe(true));
  });
});
