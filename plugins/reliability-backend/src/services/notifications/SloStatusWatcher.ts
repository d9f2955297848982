import type { LoggerService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import type { SloState } from '@reliability-suite/plugin-reliability-common';
import type {
  NotificationOutboxStore,
  StateTransition,
} from '../../database/NotificationOutboxStore';
import type { SloStatusWrite } from '../../database/SloStatusStore';
import { decideSloStatus, type SloLiveState } from '../../domain/notifications';
import type { OnCallService } from '../oncall/OnCallService';

/** Told about every measurement of SLOs, after its statuses were stored. */
export interface SloMeasurementListener {
  measured(entities: Entity[], writes: SloStatusWrite[]): Promise<void>;
}

const stateKey = (entityRef: string, sloName: string) =>
  `slo-status:${entityRef.toLocaleLowerCase('en-US')}:${sloName}`;

/** Measured states only: a status without figures says nothing about the budget. */
function liveState(state: SloState): SloLiveState | null {
  switch (state) {
    case 'ok':
      return 'healthy';
    case 'warning':
    case 'critical':
    case 'exhausted':
      return state;
    default:
      return null;
  }
}

type Decided = {
  entity: Entity;
  entityRef: string;
  sloName: string;
  expected: string | null;
  after: SloLiveState;
  alarming: boolean;
};

/**
 * Notifies owners, and the person on call when known, when an SLO turns critical or
 * exhausted. It compares each measurement with the state it recorded itself; a measurement
 * without figures (no data, Prometheus unreachable) keeps the recorded state, so an outage
 * of Prometheus does not notify again when it comes back. The recorded state and the
 * notification are written in one transaction only if the recorded state is still the one
 * compared with: two replicas measuring the same change notify once.
 */
export class SloStatusWatcher implements SloMeasurementListener {
  readonly #store: NotificationOutboxStore;
  readonly #oncall?: Pick<OnCallService, 'liveFor'>;
  readonly #logger: LoggerService;
  readonly #onQueued: () => void;
  readonly #now: () => Date;

  constructor(options: {
    store: NotificationOutboxStore;
    /** Who is on call, when the on-call integration is set up. */
    oncall?: Pick<OnCallService, 'liveFor'>;
    logger: LoggerService;
    onQueued?: () => void;
    now?: () => Date;
  }) {
    this.#store = options.store;
    this.#oncall = options.oncall;
    this.#logger = options.logger;
    this.#onQueued = options.onQueued ?? (() => {});
    this.#now = options.now ?? (() => new Date());
  }

  /** Never throws: a lost notification must not fail the measurement that caused it. */
  async measured(entities: Entity[], writes: SloStatusWrite[]): Promise<void> {
    try {
      await this.#observe(entities, writes);
    } catch (error) {
      this.#logger.warn(`Checking SLO status changes failed: ${error}`);
    }
  }

  async #observe(entities: Entity[], writes: SloStatusWrite[]) {
    const byRef = new Map(
      entities.map(entity => [
        stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
        entity,
      ]),
    );
    const measured = writes.flatMap(write => {
      const after = liveState(write.status.state);
      const entity = byRef.get(write.entityRef.toLocaleLowerCase('en-US'));
      return after && entity ? [{ write, after, entity }] : [];
    });
    if (measured.length === 0) {
      return;
    }
    const stored = await this.#store.readStates(
      measured.map(m => stateKey(m.write.entityRef, m.write.sloName)),
    );
    const now = this.#now();
    const decided: Decided[] = [];
    for (const { write, after, entity } of measured) {
      const expected =
        stored.get(stateKey(write.entityRef, write.sloName)) ?? null;
      if (expected === after) {
        continue;
      }
      const probe = decideSloStatus({
        entityRef: write.entityRef,
        sloName: write.sloName,
        before: expected as SloLiveState | null,
        after,
        observedAt: now.toISOString(),
      });
      decided.push({
        entity,
        entityRef: write.entityRef,
        sloName: write.sloName,
        expected,
        after,
        alarming: probe !== null,
      });
    }
    const onCall = await this.#onCallUsers(
      decided.filter(d => d.alarming).map(d => d.entity),
      now,
    );
    const transitions: StateTransition[] = decided.map(d => {
      const intent = decideSloStatus({
        entityRef: d.entityRef,
        entityTitle: d.entity.metadata.title ?? null,
        sloName: d.sloName,
        before: d.expected as SloLiveState | null,
        after: d.after,
        onCallUserRef: onCall.get(d.entity) ?? null,
        observedAt: now.toISOString(),
      });
      return {
        stateKey: stateKey(d.entityRef, d.sloName),
        expected: d.expected,
        next: d.after,
        intents: intent ? [intent] : [],
      };
    });
    const applied = await this.#store.applyTransitions(transitions, now);
    if (applied > 0 && transitions.some(t => t.intents.length > 0)) {
      this.#onQueued();
    }
  }

  /** The first-level person on call who is a catalog user, per entity; none on failure. */
  async #onCallUsers(entities: Entity[], now: Date) {
    const users = new Map<Entity, string>();
    const unique = [...new Set(entities)];
    if (!this.#oncall || unique.length === 0) {
      return users;
    }
    try {
      const lives = await this.#oncall.liveFor(unique, now, {
        refresh: false,
      });
      unique.forEach((entity, index) => {
        const live = lives[index];
        if (live?.state !== 'ok') {
          return;
        }
        const first = [...live.levels].sort((a, b) => a.level - b.level)[0];
        const ref = first?.onCall.find(person => person.ref)?.ref;
        if (ref) {
          users.set(entity, ref);
        }
      });
    } catch (error) {
      this.#logger.warn(
        `SLO notifications go to owners only, the on-call could not be read: ${error}`,
      );
    }
    return users;
  }
}
