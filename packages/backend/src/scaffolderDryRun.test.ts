import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Entity } from '@backstage/catalog-model';
import {
  mockCredentials,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { parseEntityYaml } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import {
  defaultPolicy,
  evaluateEntity,
  parseSloFile,
  readEntityProfile,
} from '@reliability-suite/plugin-reliability-common';
import scaffolderModuleReliability from '@reliability-suite/plugin-scaffolder-backend-module-reliability';

jest.setTimeout(120_000);

const TEMPLATE_DIR = resolve(
  __dirname,
  '../../../examples/templates/reliable-service',
);

/** Entities of a YAML text, read the way the catalog reads its files. */
function readEntities(text: string, target: string): Entity[] {
  const entities: Entity[] = [];
  for (const result of parseEntityYaml(Buffer.from(text), {
    type: 'file',
    target,
  })) {
    if (result.type !== 'entity') {
      throw new Error(
        `${target} is not valid catalog YAML: ${JSON.stringify(result)}`,
      );
    }
    entities.push(result.entity);
  }
  return entities;
}

/**
 * The demo's "Reliable service" template, run through the scaffolder backend's dry run with
 * the suite's template actions: what it produces must be read by the suite without a problem.
 */
describe('the Reliable service template', () => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;

  beforeAll(async () => {
    backend = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModuleReliability,
        catalogServiceMock.factory({ entities: [] }),
      ],
    });
  });

  afterAll(async () => {
    await backend?.stop();
  });

  async function dryRun(values: Record<string, unknown>) {
    const [template] = readEntities(
      readFileSync(resolve(TEMPLATE_DIR, 'template.yaml'), 'utf8'),
      resolve(TEMPLATE_DIR, 'template.yaml'),
    );
    const skeleton = readFileSync(
      resolve(TEMPLATE_DIR, 'skeleton/catalog-info.yaml'),
    );
    const res = await fetch(
      `http://localhost:${
        (backend.server.address() as { port: number }).port
      }/api/scaffolder/v2/dry-run`,
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: mockCredentials.user.header(),
        },
        body: JSON.stringify({
          template,
          values,
          secrets: {},
          directoryContents: [
            {
              path: 'skeleton/catalog-info.yaml',
              base64Content: skeleton.toString('base64'),
            },
          ],
        }),
      },
    );
    const body = await res.json();
    if (res.status !== 200) {
      throw new Error(`dry run: ${res.status} ${JSON.stringify(body)}`);
    }
    const files = new Map<string, string>(
      body.directoryContents.map((file: any) => [
        file.path,
        Buffer.from(file.base64Content, 'base64').toString('utf8'),
      ]),
    );
    return { body, files };
  }

  it.each([
    [0, 'openslo', 'pagerduty', true],
    [1, 'openslo', 'opsgenie', true],
    [1, 'sloth', 'splunk-on-call', true],
    [2, 'sloth', 'pagerduty', true],
    // No dashboard (an optional field left empty) and a rotation instead of a paging tool.
    [3, 'openslo', 'rotation', false],
  ])(
    'produces a tier-%p service with a %s SLO file and %s on-call that the suite reads without a problem',
    async (tier, sloFormat, oncallProvider, withDashboard) => {
      const { body, files } = await dryRun({
        name: 'orders-api',
        description: 'Takes orders',
        owner: 'group:default/checkout-team',
        tier,
        sloFormat,
        runbookUrl: 'https://runbooks.example.com/orders-api',
        ...(withDashboard && {
          dashboardUrl: 'https://grafana.example.com/d/orders-api',
        }),
        oncallProvider,
        oncallKey: 'PORDERS',
      });
      expect([...files.keys()].sort()).toEqual([
        'catalog-info.yaml',
        'slos/orders-api.yaml',
      ]);

      const [entity] = readEntities(
        files.get('catalog-info.yaml')!,
        'catalog-info.yaml',
      );
      expect(entity.metadata.annotations).toMatchObject({
        'reliability/tier': String(tier),
        'reliability/slo-ref': './slos/orders-api.yaml',
      });
      expect(entity.metadata.links?.map(link => link.type).sort()).toEqual(
        withDashboard ? ['dashboard', 'runbook'] : ['runbook'],
      );
      const now = new Date();
      const profile = readEntityProfile(entity, defaultPolicy, { now });
      expect(profile.problems).toEqual([]);
      expect(profile.oncall).toMatchObject({
        provider: oncallProvider === 'rotation' ? 'other' : oncallProvider,
        reference: 'PORDERS',
      });

      const slos = parseSloFile(files.get('slos/orders-api.yaml')!, {
        file: './slos/orders-api.yaml',
      });
      expect(slos.problems).toEqual([]);
      expect(slos.slos.length).toBeGreaterThan(0);
      expect(slos.slos.every(slo => slo.source === sloFormat)).toBe(true);

      const evaluation = evaluateEntity(
        {
          entity,
          profile,
          slos: { status: 'loaded', ...slos },
          owner: { ref: 'group:default/checkout-team', kind: 'Group' },
          dependencies: [],
          attestations: [],
          waivers: [],
          now,
        },
        defaultPolicy,
      );
      expect(evaluation.problems).toEqual([]);
      const automaticFailing = evaluation.checks.filter(
        check =>
          check.required &&
          check.kind === 'automatic' &&
          check.state !== 'pass' &&
          check.state !== 'not-applicable',
      );
      // Born ready: only attestations are left to do.
      expect(automaticFailing).toEqual([]);

      // The template's own dry run of the gate says the same.
      const gateStep = body.steps.find((step: any) => step.id === 'gate');
      expect(gateStep).toBeDefined();
      expect(body.output.text[0].content).toContain(
        `**${evaluation.gate!.decision}**`,
      );
      const log = body.log.map((entry: any) => entry.body.message).join('\n');
      for (const check of evaluation.checks.filter(
        c => c.required && c.state === 'fail',
      )) {
        expect(log).toContain(`Still missing`);
        expect(log).toContain(`${check.id}.`);
      }
    },
  );
});
