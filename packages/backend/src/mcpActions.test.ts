import { readFileSync, readdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import {
  type BackstageCredentials,
  type BackstageUserPrincipal,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  actionsRegistryServiceFactory,
  actionsServiceFactory,
} from '@backstage/backend-defaults/alpha';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import mcpActionsPlugin from '@backstage/plugin-mcp-actions-backend';
import reliabilityPlugin from '@reliability-suite/plugin-reliability-backend';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import permissionPlugin from '@backstage/plugin-permission-backend';
import { reliabilityDemoPermissionPolicyModule } from './permissionPolicy';

jest.setTimeout(180_000);

const EXAMPLES = resolve(__dirname, '../../../examples');

/** The demo's components, counted from the files the demo catalog reads. */
const DEMO_COMPONENT_COUNT = readdirSync(EXAMPLES)
  .filter(file => file.endsWith('.yaml'))
  .map(file => readFileSync(resolve(EXAMPLES, file), 'utf8'))
  .reduce(
    (count, text) => count + (text.match(/^kind: Component$/gm) ?? []).length,
    0,
  );

/** A member of checkout-team (examples/org.yaml), which owns checkout-api. */
const OWNER = 'user:default/alice.chen';
/** A member of payments-team: not an owner of checkout-api. */
const OUTSIDER = 'user:default/maria.garcia';

/** Group memberships as examples/org.yaml declares them, for the users the test signs in. */
const MEMBERSHIPS: Record<string, string[]> = {
  [OWNER]: ['group:default/checkout-team'],
  [OUTSIDER]: ['group:default/payments-team'],
};

/**
 * The user's ownership claims, as the demo's sign-in resolver derives them from the catalog.
 */
const userInfoFactory = createServiceFactory({
  service: coreServices.userInfo,
  deps: {},
  factory: () => ({
    async getUserInfo(credentials) {
      const { userEntityRef } = credentials.principal as {
        userEntityRef: string;
      };
      return {
        userEntityRef,
        ownershipEntityRefs: [
          userEntityRef,
          ...(MEMBERSHIPS[userEntityRef] ?? []),
        ],
      };
    },
  }),
});

/**
 * The test backend's mock tokens drop who acts on a user's behalf: a plugin calling another
 * for a user arrives as that user alone, which the permission backend rightly refuses for
 * resource-less and apply-conditions requests. Real Backstage tokens carry the acting plugin
 * as `actor`; this restores it so the demo permission policy runs as it does in the portal.
 */
const httpAuthFactory = createServiceFactory({
  service: coreServices.httpAuth,
  deps: { plugin: coreServices.pluginMetadata },
  factory: ({ plugin }) => {
    const inner = mockServices.httpAuth({ pluginId: plugin.getId() });
    return {
      async credentials(req: any, options?: any) {
        const credentials: BackstageCredentials = await inner.credentials(
          req,
          options,
        );
        const onBehalf = String(req.headers.authorization ?? '').match(
          /^Bearer mock-service-token:(.*)$/,
        );
        const principal = credentials.principal as BackstageUserPrincipal;
        if (onBehalf && principal.type === 'user') {
          const { sub } = JSON.parse(onBehalf[1]);
          return {
            ...credentials,
            principal: { ...principal, actor: { subject: sub } },
          } as any;
        }
        return credentials;
      },
      issueUserCookie: (res: any, options?: any) =>
        inner.issueUserCookie(res, options),
    };
  },
});

/**
 * The demo backend's actions path end to end: the Reliability Suite registers its actions,
 * the MCP actions backend serves them, and a real MCP client talks to it over streamable
 * HTTP with a user's token, against the demo catalog and the demo permission policy.
 */
describe('reliability actions over MCP', () => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let baseUrl: string;

  beforeAll(async () => {
    backend = await startTestBackend({
      features: [
        catalogPlugin,
        permissionPlugin,
        reliabilityDemoPermissionPolicyModule,
        reliabilityPlugin,
        mcpActionsPlugin,
        actionsRegistryServiceFactory,
        actionsServiceFactory,
        userInfoFactory,
        httpAuthFactory,
        mockServices.rootConfig.factory({
          data: {
            permission: { enabled: true },
            backend: { actions: { pluginSources: ['reliability'] } },
            catalog: {
              rules: [
                {
                  allow: [
                    'Component',
                    'System',
                    'API',
                    'Resource',
                    'Location',
                    'Domain',
                    'Group',
                    'User',
                  ],
                },
              ],
              locations: [
                { type: 'file', target: resolve(EXAMPLES, 'org.yaml') },
                { type: 'file', target: resolve(EXAMPLES, 'catalog.yaml') },
              ],
            },
          },
        }),
      ],
    });
    const { port } = backend.server.address() as AddressInfo;
    baseUrl = `http://localhost:${port}`;
    await waitForDemoCatalog();
  });

  afterAll(async () => {
    await backend?.stop();
  });

  async function demoComponents(): Promise<string[]> {
    const body = await getJson(
      '/api/catalog/entities/by-query?filter=kind%3Dcomponent&limit=500',
    );
    return (body.items ?? []).map(
      (entity: any) =>
        `component:${entity.metadata.namespace}/${entity.metadata.name}`,
    );
  }

  async function getJson(path: string, user = OUTSIDER): Promise<any> {
    const res = await fetch(`${baseUrl}${path}`, {
      headers: { Authorization: mockCredentials.user.header(user) },
    });
    if (!res.ok) {
      throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
    }
    return res.json();
  }

  async function waitForDemoCatalog() {
    for (let attempt = 0; attempt < 480; attempt++) {
      if ((await demoComponents()).length >= DEMO_COMPONENT_COUNT) {
        return;
      }
      await new Promise(r => setTimeout(r, 250));
    }
    throw new Error('The demo catalog was not ingested in time');
  }

  async function connect(userEntityRef: string): Promise<Client> {
    const client = new Client({ name: 'reliability-test', version: '1.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(
        new URL(`${baseUrl}/api/mcp-actions/v1`),
        {
          requestInit: {
            headers: {
              Authorization: mockCredentials.user.header(userEntityRef),
            },
          },
        },
      ),
    );
    return client;
  }

  async function call(client: Client, name: string, args: object) {
    const result = await client.callTool({
      name: `reliability.${name}`,
      arguments: args as Record<string, unknown>,
    });
    return result as {
      isError?: boolean;
      structuredContent?: any;
      content: Array<{ type: string; text: string }>;
    };
  }

  it('lists the suite tools with their attributes', async () => {
    const client = await connect(OUTSIDER);
    try {
      const { tools } = await client.listTools();
      const suite = tools.filter(tool => tool.name.startsWith('reliability.'));
      expect(suite.map(tool => tool.name).sort()).toEqual([
        'reliability.can-deploy',
        'reliability.explain-readiness',
        'reliability.get-coverage',
        'reliability.get-slo-status',
        'reliability.list-expiring',
        'reliability.request-waiver',
      ]);
      const byName = new Map(suite.map(tool => [tool.name, tool]));
      expect(byName.get('reliability.can-deploy')).toMatchObject({
        inputSchema: {
          type: 'object',
          properties: { entityRef: { type: 'string' } },
          required: ['entityRef'],
        },
        annotations: {
          readOnlyHint: true,
          destructiveHint: false,
          idempotentHint: true,
        },
      });
      expect(byName.get('reliability.request-waiver')?.annotations).toEqual(
        expect.objectContaining({
          readOnlyHint: false,
          destructiveHint: true,
          idempotentHint: false,
        }),
      );
    } finally {
      await client.close();
    }
  });

  it('answers can-deploy exactly as the gate endpoint, for every demo component', async () => {
    const components = await demoComponents();
    expect(components.length).toBe(DEMO_COMPONENT_COUNT);
    const client = await connect(OUTSIDER);
    const decisions = new Set<string>();
    try {
      for (const entityRef of components) {
        const [kind, rest] = entityRef.split(':');
        const [namespace, name] = rest.split('/');
        const gate = await getJson(
          `/api/reliability/v1/entities/${kind}/${namespace}/${name}/gate`,
        );
        const result = await call(client, 'can-deploy', { entityRef });
        expect(result.isError).toBeFalsy();
        expect(result.structuredContent).toEqual(gate);
        decisions.add(gate.decision);
      }
    } finally {
      await client.close();
    }
    // The demo shows every gate decision, so the comparison covers each.
    expect([...decisions].sort()).toEqual(['allow', 'block', 'warn']);
  });

  it('explains readiness, SLO status, coverage and what expires', async () => {
    const client = await connect(OUTSIDER);
    try {
      const readiness = await call(client, 'explain-readiness', {
        entityRef: 'component:default/promotions-service',
      });
      expect(readiness.isError).toBeFalsy();
      const fixes = readiness.structuredContent.fixes as any[];
      expect(fixes.length).toBeGreaterThan(0);
      expect(fixes.map(fix => fix.id)).toContain('slo-defined');
      // Blocking fixes come first.
      const firstNonBlocking = fixes.findIndex(fix => !fix.blocking);
      expect(
        fixes.slice(firstNonBlocking === -1 ? fixes.length : firstNonBlocking),
      ).toEqual(fixes.filter(fix => !fix.blocking));
      for (const fix of fixes) {
        expect(fix.howToFix).toEqual(expect.any(String));
      }

      const slos = await call(client, 'get-slo-status', {
        entityRef: 'checkout-api',
      });
      expect(slos.isError).toBeFalsy();
      expect(slos.structuredContent.entityRef).toBe(
        'component:default/checkout-api',
      );
      expect(slos.structuredContent.slos.length).toBeGreaterThan(0);
      for (const slo of slos.structuredContent.slos) {
        expect(slo).toHaveProperty('status');
        expect(slo.target).toBeGreaterThan(0);
      }

      const coverage = await call(client, 'get-coverage', {
        groupBy: 'tier',
      });
      expect(coverage.isError).toBeFalsy();
      expect(coverage.structuredContent).toEqual(
        await getJson('/api/reliability/v1/coverage?groupBy=tier'),
      );

      const expiring = await call(client, 'list-expiring', { days: 30 });
      expect(expiring.isError).toBeFalsy();
      expect(expiring.structuredContent).toEqual({ items: [] });
    } finally {
      await client.close();
    }
  });

  it('refuses a waiver request from a caller outside the owning team, and takes one from its member', async () => {
    const waiver = {
      entityRef: 'component:default/checkout-api',
      checkId: 'load-test',
      justification: 'Load test booked for next month',
      expiresAt: new Date(Date.now() + 10 * 86_400_000)
        .toISOString()
        .slice(0, 10),
    };
    const outsider = await connect(OUTSIDER);
    try {
      const denied = await call(outsider, 'request-waiver', waiver);
      expect(denied.isError).toBe(true);
      expect(denied.content[0].text).toMatch(/^NotAllowedError: /);
      expect(denied.content[0].text).toContain(
        'You may not request waivers for component:default/checkout-api',
      );
    } finally {
      await outsider.close();
    }

    const owner = await connect(OWNER);
    try {
      const granted = await call(owner, 'request-waiver', waiver);
      expect(granted.isError).toBeFalsy();
      expect(granted.structuredContent.waiver).toMatchObject({
        entityRef: 'component:default/checkout-api',
        checkId: 'load-test',
        status: 'requested',
        requestedBy: OWNER,
      });
      const invalid = await call(owner, 'request-waiver', {
        ...waiver,
        entityRef: 'component:default/Not A Name',
      });
      expect(invalid.isError).toBe(true);
      expect(invalid.content[0].text).toMatch(/^InputError: Invalid entityRef/);
    } finally {
      await owner.close();
    }
  });
});
