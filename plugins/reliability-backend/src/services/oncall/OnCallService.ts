import type {
  CacheService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import {
  liveFromRotation,
  liveFromVendorEntries,
  notConfiguredLive,
  readOnCall,
  unavailableLive,
  type OnCallInfo,
  type OnCallLive,
  type Rotation,
} from '@reliability-suite/plugin-reliability-common';
import type { People } from './PeopleDirectory';
import type { OnCallKey, OnCallVendor, VendorSnapshot } from './types';

const VENDOR_LABELS: Record<OnCallVendor['provider'], string> = {
  pagerduty: 'PagerDuty (reliability.oncall.pagerduty)',
  opsgenie: 'Opsgenie / Jira Service Management (reliability.oncall.opsgenie)',
  'splunk-on-call': 'Splunk On-Call (reliability.oncall.splunkOnCall)',
};

const PROVIDER_OF_ANNOTATION: Record<string, OnCallVendor['provider']> = {
  'pagerduty.com/service-id': 'pagerduty',
  'pagerduty.com/integration-key': 'pagerduty',
  'opsgenie.com/team': 'opsgenie',
  'opsgenie.com/component-selector': 'opsgenie',
  'splunk.com/on-call-team': 'splunk-on-call',
  'splunk.com/on-call-routing-key': 'splunk-on-call',
};

/** Default lifetime of a cached vendor answer; the bulk task refreshes well before it ends. */
export const DEFAULT_VENDOR_CACHE_TTL_MS = 30 * 60_000;

export interface OnCallServiceOptions {
  rotations: ReadonlyMap<string, Rotation>;
  vendors: OnCallVendor[];
  cache: CacheService;
  people: { get(): Promise<People> };
  logger: LoggerService;
  cacheTtlMs?: number;
}

/**
 * The live on-call of entities: neutral rotations computed from config, vendors read through
 * the cache service (filled by the bulk task, or on a miss, or anew on a refresh). Never
 * throws for a vendor's failure: that is an `unavailable` answer, which the checks turn into
 * `unknown`.
 */
export class OnCallService {
  readonly #options: OnCallServiceOptions;

  constructor(options: OnCallServiceOptions) {
    this.#options = options;
  }

  /** Whether any rotation or vendor is configured (else nothing is ever asked). */
  get configured(): boolean {
    return this.#options.rotations.size > 0 || this.#options.vendors.length > 0;
  }

  /**
   * The live on-call of each entity (null when it has no on-call key, or its neutral rotation
   * text names no configured rotation). `refresh` reads vendors anew instead of the cache.
   */
  async liveFor(
    entities: Entity[],
    now: Date,
    options: { refresh: boolean },
  ): Promise<Array<OnCallLive | null>> {
    const infos = entities.map(entity => {
      const annotations = entity.metadata.annotations ?? {};
      const info = readOnCall(annotations, []);
      // The report hides a PagerDuty integration key; the lookup needs the key itself.
      return (
        info && { ...info, reference: annotations[info.annotation].trim() }
      );
    });
    if (infos.every(info => info === null)) {
      return infos.map(() => null);
    }
    const people = await this.#options.people.get().catch(error => {
      this.#options.logger.warn(
        `On-call: catalog users could not be read, people are shown by their vendor names: ${error}`,
      );
      return { byRef: new Map(), byEmail: new Map() } as People;
    });
    const pending = new Map<string, Promise<VendorSnapshot | OnCallLive>>();
    return Promise.all(
      infos.map(info =>
        this.#liveOf(info, now, people, pending, options.refresh),
      ),
    );
  }

  async #liveOf(
    info: OnCallInfo | null,
    now: Date,
    people: People,
    pending: Map<string, Promise<VendorSnapshot | OnCallLive>>,
    refresh: boolean,
  ): Promise<OnCallLive | null> {
    if (!info) {
      return null;
    }
    if (info.provider === 'other') {
      const rotation = this.#options.rotations.get(info.reference);
      return rotation
        ? liveFromRotation({
            rotation,
            rotations: this.#options.rotations,
            now,
            people: people.byRef,
          })
        : null;
    }
    const provider = PROVIDER_OF_ANNOTATION[info.annotation];
    const vendor = this.#options.vendors.find(v =>
      v.annotations.includes(info.annotation),
    );
    if (!vendor) {
      const sameProvider = this.#options.vendors.some(
        v => v.provider === provider,
      );
      return notConfiguredLive(
        now,
        sameProvider
          ? `${info.annotation} does not name a team, service or schedule, so on-call cannot be read from it`
          : `${VENDOR_LABELS[provider]} is not configured`,
      );
    }
    const key = { annotation: info.annotation, reference: info.reference };
    const id = cacheKey(vendor, key);
    let answer = pending.get(id);
    if (!answer) {
      answer = this.#snapshot(vendor, key, now, refresh);
      pending.set(id, answer);
    }
    const snapshot = await answer;
    if ('state' in snapshot) {
      return snapshot;
    }
    return liveFromVendorEntries({
      provider: snapshot.provider,
      now,
      fetchedAt: snapshot.fetchedAt,
      entries: snapshot.entries,
      levelCount: snapshot.levelCount,
      levelNames: snapshot.levelNames,
      target: snapshot.target,
      people: people.byEmail,
      ...(snapshot.incidents && { incidents: snapshot.incidents }),
    });
  }

  async #snapshot(
    vendor: OnCallVendor,
    key: OnCallKey,
    now: Date,
    refresh: boolean,
  ): Promise<VendorSnapshot | OnCallLive> {
    const id = cacheKey(vendor, key);
    if (!refresh) {
      const cached = await this.#options.cache
        .get<VendorSnapshot & Record<string, never>>(id)
        .catch(() => undefined);
      if (cached) {
        return cached;
      }
    }
    try {
      return await this.fetchAndCache(vendor, key, now);
    } catch (error) {
      const reason = (error as Error).message;
      this.#options.logger.warn(
        `On-call: ${key.annotation} ${key.reference} could not be read: ${reason}`,
      );
      return unavailableLive(vendor.provider, now, reason);
    }
  }

  /** Reads one key from its vendor and caches the answer (used by the bulk task too). */
  async fetchAndCache(
    vendor: OnCallVendor,
    key: OnCallKey,
    now: Date,
  ): Promise<VendorSnapshot> {
    const snapshot = await vendor.fetchSnapshot(key, now);
    await this.#options.cache
      .set(cacheKey(vendor, key), snapshot as never, {
        ttl: this.#options.cacheTtlMs ?? DEFAULT_VENDOR_CACHE_TTL_MS,
      })
      .catch(error =>
        this.#options.logger.warn(`On-call: caching failed: ${error}`),
      );
    return snapshot;
  }

  /** The vendors and their annotations, for the bulk task. */
  get vendors(): readonly OnCallVendor[] {
    return this.#options.vendors;
  }
}

function cacheKey(vendor: OnCallVendor, key: OnCallKey): string {
  return `reliability:oncall:v1:${vendor.provider}:${key.annotation}:${key.reference}`;
}
