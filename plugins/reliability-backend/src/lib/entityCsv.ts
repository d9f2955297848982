import type { EntityListItem } from '@reliability-suite/plugin-reliability-common';
import { CsvValue, csvLine } from './csv';

/** The CSV export's columns, in order: header name and how to read it from a list item. */
const COLUMNS: Array<[string, (item: EntityListItem) => CsvValue]> = [
  ['entity_ref', item => item.entityRef],
  ['kind', item => item.kind],
  ['namespace', item => item.namespace],
  ['name', item => item.name],
  ['title', item => item.title],
  ['type', item => item.type],
  ['lifecycle', item => item.lifecycle],
  ['owner', item => item.ownerRef],
  ['system', item => item.systemRef],
  ['tier', item => item.tier],
  ['score', item => item.score],
  ['verdict', item => item.verdict],
  ['maturity_level', item => item.maturityLevel],
  ['expected_level', item => item.expectedLevel],
  ['gate_decision', item => item.gateDecision],
  ['has_slo', item => item.hasSlo],
  ['has_slo_alerting', item => item.hasSloAlerting],
  ['has_oncall', item => item.hasOncall],
  ['has_runbook', item => item.hasRunbook],
  ['has_dashboard', item => item.hasDashboard],
  ['has_waiver', item => item.hasWaiver],
  ['evaluated_at', item => item.evaluatedAt],
];

export const ENTITY_CSV_HEADER = csvLine(COLUMNS.map(([name]) => name));

export function entityCsvLine(item: EntityListItem): string {
  return csvLine(COLUMNS.map(([, read]) => read(item)));
}
