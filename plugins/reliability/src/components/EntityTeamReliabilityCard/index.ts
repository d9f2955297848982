export { EntityTeamReliabilityCard } from './EntityTeamReliabilityCard';
export type { EntityTeamReliabilityCardProps } from './EntityTeamReliabilityCard';
