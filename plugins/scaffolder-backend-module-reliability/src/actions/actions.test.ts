import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  defaultPolicy,
  parseSloFile,
  readEntityProfile,
} from '@reliability-suite/plugin-reliability-common';
import { parse } from 'yaml';
import { createAnnotateAction } from './annotateAction';
import { createGateDryRunAction } from './gateDryRunAction';
import { createSloAction } from './createSloAction';

const NOW = new Date('2026-12-07T10:00:00Z');

const CATALOG_INFO = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: orders-api
  description: Takes orders
  annotations:
    backstage.io/techdocs-ref: dir:.
  links:
    - url: https://git.example.com/orders-api
      title: Source
spec:
  type: service
  lifecycle: production
  owner: group:default/checkout-team
`;

describe('reliability template actions', () => {
  const workspace = createMockDirectory();

  beforeEach(() => {
    workspace.setContent({ 'catalog-info.yaml': CATALOG_INFO });
  });

  async function run(action: any, input: Record<string, unknown>) {
    const ctx = createMockActionContext({
      // The scaffolder validates input against the schema before the handler runs.
      input: input as any,
      workspacePath: workspace.path,
    });
    await action.handler(ctx);
    return Object.fromEntries((ctx.output as jest.Mock).mock.calls);
  }

  it.each([
    [0, 'openslo', [0.9995, 0.99]],
    [1, 'openslo', [0.999, 0.99]],
    [2, 'openslo', [0.995]],
    [3, 'openslo', [0.99]],
    [0, 'sloth', [0.9995, 0.99]],
    [2, 'sloth', [0.995]],
  ] as const)(
    'writes tier %p %s SLOs the suite reads without a problem, all with alerting',
    async (tier, format, targets) => {
      const outputs = await run(createSloAction(), {
        name: 'orders-api',
        tier,
        format,
      });
      expect(outputs).toEqual({
        path: 'slos/orders-api.yaml',
        sloRef: './slos/orders-api.yaml',
        availabilityTarget: targets[0],
      });
      const text = await readFile(
        join(workspace.path, 'slos/orders-api.yaml'),
        'utf8',
      );
      const parsed = parseSloFile(text);
      expect(parsed.problems).toEqual([]);
      expect(parsed.slos.map(slo => slo.target)).toEqual(targets);
      expect(parsed.slos.map(slo => slo.source)).toEqual(
        targets.map(() => format),
      );
      expect(parsed.slos.every(slo => slo.hasAlerting)).toBe(true);
      // The live status can measure every SLO it writes.
      expect(
        parsed.slos.map(slo => slo.measurement?.type ?? 'absent'),
      ).not.toContain('not-measured');
    },
  );

  it('refuses to write outside the workspace', async () => {
    await expect(
      run(createSloAction(), {
        name: 'orders-api',
        tier: 1,
        format: 'openslo',
        path: '../escape.yaml',
      }),
    ).rejects.toThrow(/outside/);
  });

  it('adds the annotations, runbook link and on-call key and keeps the rest', async () => {
    const outputs = await run(createAnnotateAction({ now: () => NOW }), {
      path: 'catalog-info.yaml',
      tier: 1,
      sloRef: './slos/orders-api.yaml',
      runbookUrl: 'https://runbooks.example.com/orders-api',
      runbookTitle: 'Orders API runbook',
      oncallProvider: 'pagerduty',
      oncallKey: 'PORDERS',
    });
    const entity = parse(
      await readFile(join(workspace.path, 'catalog-info.yaml'), 'utf8'),
    );
    expect(entity.metadata.annotations).toEqual({
      'backstage.io/techdocs-ref': 'dir:.',
      'reliability/tier': '1',
      'reliability/slo-ref': './slos/orders-api.yaml',
      'reliability/runbooks-reviewed': '2026-12-07',
      'pagerduty.com/service-id': 'PORDERS',
    });
    expect(entity.metadata.links).toEqual([
      { url: 'https://git.example.com/orders-api', title: 'Source' },
      {
        url: 'https://runbooks.example.com/orders-api',
        title: 'Orders API runbook',
        type: 'runbook',
      },
    ]);
    expect(entity.metadata.description).toBe('Takes orders');
    expect(outputs.annotations).toEqual(
      expect.objectContaining({ 'pagerduty.com/service-id': 'PORDERS' }),
    );
    const profile = readEntityProfile(entity, defaultPolicy, { now: NOW });
    expect(profile.problems).toEqual([]);
    expect(profile.tier?.level).toBe(1);
    expect(profile.oncall).toMatchObject({
      provider: 'pagerduty',
      reference: 'PORDERS',
    });
  });

  it('says the new tier-1 service is blocked only by what must be attested', async () => {
    await run(createSloAction(), {
      name: 'orders-api',
      tier: 1,
      format: 'openslo',
    });
    await run(createAnnotateAction({ now: () => NOW }), {
      path: 'catalog-info.yaml',
      runbookTitle: 'Runbook',
      tier: 1,
      sloRef: './slos/orders-api.yaml',
      runbookUrl: 'https://runbooks.example.com/orders-api',
      dashboardUrl: 'https://grafana.example.com/d/orders-api',
      oncallProvider: 'pagerduty',
      oncallKey: 'PORDERS',
    });
    const outputs = await run(createGateDryRunAction({ now: () => NOW }), {
      path: 'catalog-info.yaml',
    });
    expect(outputs).toMatchObject({
      decision: 'block',
      verdict: 'not-ready',
      problems: [],
    });
    expect(
      (outputs.missing as Array<{ id: string; blocking: boolean }>).map(
        check => [check.id, check.blocking],
      ),
    ).toEqual([
      ['rollback-plan', true],
      ['load-test', false],
      ['capacity-review', false],
      ['security-review', false],
      ['dr-test', false],
    ]);
  });

  it('names what a bare service will miss', async () => {
    const outputs = await run(createGateDryRunAction({ now: () => NOW }), {
      path: 'catalog-info.yaml',
    });
    expect(outputs.decision).toBe('warn');
    const missing = (outputs.missing as Array<{ id: string }>).map(c => c.id);
    expect(missing).toEqual(['tier', 'runbook']);
  });
});
