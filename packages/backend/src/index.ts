/*
 * The demo portal's backend: the catalog with the demo entities, guest sign-in, permissions,
 * notifications and signals, and the Reliability Suite's backend plugin and catalog module.
 */
import { createBackend } from '@backstage/backend-defaults';
import { reliabilityDemoPermissionPolicyModule } from './permissionPolicy';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

// auth: guest sign-in for the demo (see app-config.yaml auth.providers.guest)
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

// catalog, with the suite's annotation validation
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
backend.add(
  import('@reliability-suite/plugin-catalog-backend-module-reliability'),
);

// permissions: the demo's reliability roles (see permissionPolicy.ts) replace allow-all
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(reliabilityDemoPermissionPolicyModule);

backend.add(import('@backstage/plugin-user-settings-backend'));

// notifications (the suite sends through them) and signals (pushes them to the browser live)
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// the Reliability Suite
backend.add(import('@reliability-suite/plugin-reliability-backend'));

// the scaffolder, with the suite's template actions (the "Reliable service" template)
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(
  import('@reliability-suite/plugin-scaffolder-backend-module-reliability'),
);

// AI agents: the actions of the plugins in backend.actions.pluginSources (app-config.yaml),
// served as MCP tools at /api/mcp-actions/v1
backend.add(import('@backstage/plugin-mcp-actions-backend'));

backend.start();
