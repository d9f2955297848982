import type { LoggerService } from '@backstage/backend-plugin-api';
import type { ReliabilityReport } from '@reliability-suite/plugin-reliability-common';
import type {
  NotificationOutboxStore,
  StateTransition,
} from '../../database/NotificationOutboxStore';
import {
  decideReadinessRegression,
  sameReadiness,
  summarizeReadiness,
  type ReadinessSummary,
} from '../../domain/notifications';

/**
 * Told about every entity evaluation: `scored` as each entity is scored (it keeps only what
 * it needs, never the report), `flush` once a batch of them is scored.
 */
export interface EvaluationListener {
  scored(
    entity: { entityRef: string; title: string | null },
    report: ReliabilityReport,
  ): void;
  flush(): Promise<void>;
}

interface Observation {
  entityRef: string;
  title: string | null;
  summary: ReadinessSummary | null;
}

const stateKey = (entityRef: string) => `readiness:${entityRef}`;

/**
 * Notifies owners when an entity's readiness regresses. It compares each new evaluation
 * with the last one it recorded itself (not with the stored result), so it needs no more
 * from the evaluation than this listener. The recorded state and the notification are
 * written in one transaction, and only if the recorded state is still the one compared
 * with: with two replicas evaluating the same entity, one regression notifies once.
 */
export class ReadinessWatcher implements EvaluationListener {
  private readonly store: NotificationOutboxStore;
  private readonly logger: LoggerService;
  private readonly onQueued: () => void;
  private readonly now: () => Date;
  private pending: Observation[] = [];

  constructor(options: {
    store: NotificationOutboxStore;
    logger: LoggerService;
    /** Called after a notification was queued, e.g. to start the drain at once. */
    onQueued?: () => void;
    now?: () => Date;
  }) {
    this.store = options.store;
    this.logger = options.logger;
    this.onQueued = options.onQueued ?? (() => {});
    this.now = options.now ?? (() => new Date());
  }

  scored(
    entity: { entityRef: string; title: string | null },
    report: ReliabilityReport,
  ): void {
    this.pending.push({
      entityRef: entity.entityRef,
      title: entity.title,
      summary: summarizeReadiness(report),
    });
  }

  /** Never throws: a lost notification must not fail the evaluation that caused it. */
  async flush(): Promise<void> {
    const observations = this.pending;
    this.pending = [];
    if (observations.length === 0) {
      return;
    }
    try {
      await this.observe(observations);
    } catch (error) {
      this.logger.warn(`Checking readiness regressions failed: ${error}`);
    }
  }

  private async observe(observations: Observation[]): Promise<void> {
    const latest = new Map<string, Observation>();
    for (const observation of observations) {
      latest.set(observation.entityRef, observation);
    }
    const stored = await this.store.readStates(
      [...latest.keys()].map(stateKey),
    );
    const now = this.now();
    const transitions: StateTransition[] = [];
    for (const observation of latest.values()) {
      const key = stateKey(observation.entityRef);
      const expected = stored.get(key) ?? null;
      if (expected === null && observation.summary === null) {
        // Outside the scope and never seen inside it: nothing to remember.
        continue;
      }
      const before =
        expected === null ? null : (JSON.parse(expected) as ReadinessSummary);
      if (expected !== null && sameReadiness(before, observation.summary)) {
        continue;
      }
      const intent = decideReadinessRegression({
        entityRef: observation.entityRef,
        entityTitle: observation.title,
        before,
        after: observation.summary,
        observedAt: now.toISOString(),
      });
      transitions.push({
        stateKey: key,
        expected,
        next: JSON.stringify(observation.summary),
        intents: intent ? [intent] : [],
      });
    }
    const applied = await this.store.applyTransitions(transitions, now);
    if (applied > 0 && transitions.some(t => t.intents.length > 0)) {
      this.onQueued();
    }
  }
}
