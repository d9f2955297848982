/**
 * Reliability Suite frontend: tier, SLOs, on-call, runbooks, readiness and maturity of catalog
 * entities. The new frontend system plugin is the default export of `./alpha`.
 *
 * @packageDocumentation
 */
export {
  reliabilityPlugin,
  EntityReliabilityCard,
  EntityReliabilityContent,
  ReliabilityPage,
  EntityTeamReliabilityCard,
} from './plugin';
export { entityReliabilityContentRouteRef, rootRouteRef } from './routes';
export type { EntityTeamReliabilityCardProps } from './components/EntityTeamReliabilityCard';
export {
  isReliabilityAvailable,
  DEFAULT_RELIABILITY_SCOPE,
} from './lib/isReliabilityAvailable';
export type { ReliabilityScope } from './lib/isReliabilityAvailable';
export { reliabilityApiRef, ReliabilityClient } from './api';
export type { ReliabilityApi, ReliabilityGateResponse } from './api';
export { useReliabilityReport } from './components/EntityReliabilityContent';
export type { ReliabilityReportState } from './components/EntityReliabilityContent';
export {
  ApproverInbox,
  ApproverInboxSidebarItem,
} from './components/ApproverInbox';
export { CheckStateChip } from './components/CheckStateChip';
export type { CheckStateChipProps } from './components/CheckStateChip';
export { TierChip } from './components/TierChip';
export type { TierChipProps } from './components/TierChip';
export { VerdictChip, GateDecisionChip } from './components/VerdictChip';
export type {
  CheckState,
  GateDecision,
  ReliabilityReport,
  Verdict,
} from '@reliability-suite/plugin-reliability-common';
