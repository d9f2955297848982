import type { EntityListItem } from '@reliability-suite/plugin-reliability-common';
import { ENTITY_CSV_HEADER, entityCsvLine } from './entityCsv';

const item: EntityListItem = {
  entityRef: 'component:default/checkout',
  kind: 'component',
  namespace: 'default',
  name: 'checkout',
  title: 'Checkout, the "money" path',
  type: 'service',
  lifecycle: 'production',
  ownerRef: 'group:default/payments',
  systemRef: null,
  tier: 1,
  score: 72,
  verdict: 'not-ready',
  maturityLevel: 2,
  expectedLevel: 3,
  gateDecision: 'block',
  hasSlo: true,
  hasSloAlerting: false,
  hasOncall: true,
  hasRunbook: true,
  hasDashboard: false,
  hasWaiver: false,
  evaluatedAt: '2026-11-22T10:00:00.000Z',
};

describe('entity CSV', () => {
  it('has a header naming every column', () => {
    expect(ENTITY_CSV_HEADER).toBe(
      'entity_ref,kind,namespace,name,title,type,lifecycle,owner,system,tier,score,verdict,maturity_level,expected_level,gate_decision,has_slo,has_slo_alerting,has_oncall,has_runbook,has_dashboard,has_waiver,evaluated_at\r\n',
    );
  });

  it('writes one escaped line per entity, matching the header', () => {
    const line = entityCsvLine(item);
    expect(line).toBe(
      'component:default/checkout,component,default,checkout,"Checkout, the ""money"" path",service,production,group:default/payments,,1,72,not-ready,2,3,block,true,false,true,true,false,false,2026-11-22T10:00:00.000Z\r\n',
    );
  });
});
