import type { Entity } from '@backstage/catalog-model';
import {
  defaultPolicy,
  evaluateEntity,
  readEntityProfile,
  type CheckState,
  type OnCallLive,
} from '@reliability-suite/plugin-reliability-common';

/** A tier-0 service with one on-call annotation. */
export function serviceWithOnCall(
  name: string,
  annotations: Record<string, string>,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: { 'reliability/tier': '0', ...annotations },
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'group:default/sre',
    },
  };
}

/** The states of the three on-call checks for an entity and its live on-call data, as the evaluation gives them. */
export function oncallCheckStates(
  entity: Entity,
  live: OnCallLive | null,
  now: Date,
): Record<'oncall-verified' | 'oncall-depth' | 'oncall-gaps', CheckState> {
  const evaluation = evaluateEntity(
    {
      entity,
      profile: readEntityProfile(entity, defaultPolicy, { now }),
      slos: { status: 'absent', slos: [], problems: [] },
      owner: { ref: 'group:default/sre', kind: 'Group' },
      dependencies: [],
      attestations: [],
      waivers: [],
      oncallLive: live,
      now,
    },
    defaultPolicy,
  );
  const state = (id: string) =>
    evaluation.checks.find(check => check.id === id)!.state;
  return {
    'oncall-verified': state('oncall-verified'),
    'oncall-depth': state('oncall-depth'),
    'oncall-gaps': state('oncall-gaps'),
  };
}
