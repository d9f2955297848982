import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import AssessmentIcon from '@material-ui/icons/Assessment';
import AssignmentTurnedInIcon from '@material-ui/icons/AssignmentTurnedIn';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { reliabilityApiRef, ReliabilityClient } from './api';
import { isReliabilityAvailable } from './lib/isReliabilityAvailable';
import { rootRouteRef } from './routes';

// The default policy scope; `filter` in app-config overrides it for a customised policy.
const inReliabilityScope = (
  entity: Parameters<typeof isReliabilityAvailable>[0],
) => isReliabilityAvailable(entity);

/** @alpha */
export const reliabilityApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: reliabilityApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ReliabilityClient({ discoveryApi, fetchApi }),
    }),
});

/** @alpha */
export const reliabilityEntityCard = EntityCardBlueprint.make({
  name: 'reliability',
  params: {
    type: 'content',
    filter: inReliabilityScope,
    loader: () =>
      import('./components/EntityReliabilityCard').then(m => (
        <m.EntityReliabilityCard />
      )),
  },
});

/** @alpha */
export const reliabilityEntityContent = EntityContentBlueprint.make({
  name: 'reliability',
  params: {
    path: '/reliability',
    title: 'Reliability',
    filter: inReliabilityScope,
    loader: () =>
      import('./components/EntityReliabilityContent').then(m => (
        <m.EntityReliabilityContent />
      )),
  },
});

/** The /reliability page, with a "Reliability" nav item. @alpha */
export const reliabilityPage = PageBlueprint.make({
  params: {
    path: '/reliability',
    title: 'Reliability',
    icon: <AssessmentIcon fontSize="inherit" />,
    routeRef: convertLegacyRouteRef(rootRouteRef),
    // The page renders its own header (shared with the legacy system).
    noHeader: true,
    loader: () =>
      import('./components/ReliabilityPage').then(m => <m.ReliabilityPage />),
  },
});

/**
 * The approver inbox at /reliability/inbox, where notifications of pending waivers and
 * reviews lead. @alpha
 */
export const reliabilityInboxPage = PageBlueprint.make({
  name: 'inbox',
  params: {
    path: '/reliability/inbox',
    title: 'Approvals',
    icon: <AssignmentTurnedInIcon fontSize="inherit" />,
    // The page renders its own header.
    noHeader: true,
    loader: () =>
      import('./components/ApproverInbox').then(m => <m.ApproverInbox />),
  },
});

/** A group's reliability roll-up including sub-teams, on Group entity pages. @alpha */
export const reliabilityTeamCard = EntityCardBlueprint.make({
  name: 'team-reliability',
  params: {
    type: 'content',
    filter: { kind: 'group' },
    loader: () =>
      import('./components/EntityTeamReliabilityCard').then(m => (
        <m.EntityTeamReliabilityCard />
      )),
  },
});

/**
 * The Reliability Suite frontend plugin for the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'reliability',
  info: { packageJson: () => import('../package.json') },
  routes: { root: convertLegacyRouteRef(rootRouteRef) },
  extensions: [
    reliabilityApi,
    reliabilityEntityCard,
    reliabilityEntityContent,
    reliabilityPage,
    reliabilityInboxPage,
    reliabilityTeamCard,
  ],
});
