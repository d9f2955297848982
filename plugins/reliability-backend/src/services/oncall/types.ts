import type {
  OnCallIncident,
  OnCallTarget,
  VendorOnCallEntry,
} from '@reliability-suite/plugin-reliability-common';

/** What a vendor is asked about: the annotation and its value. */
export interface OnCallKey {
  annotation: string;
  reference: string;
}

/**
 * What a vendor said about one key, normalised and JSON-serialisable so it can be cached;
 * the live view (who is on call now, gaps, people) is computed from it at read time, so a
 * cached answer still shows the right person after a handoff.
 */
export interface VendorSnapshot {
  provider: 'pagerduty' | 'opsgenie' | 'splunk-on-call';
  fetchedAt: string;
  target: OnCallTarget;
  /** Escalation levels defined, including ones with nobody on call. */
  levelCount: number;
  levelNames: Record<number, string>;
  /** Entries over at least the next 15 days from `fetchedAt`. */
  entries: VendorOnCallEntry[];
  incidents?: OnCallIncident[];
}

/**
 * One paging vendor behind the suite's live on-call. Tokens stay in the backend. A vendor
 * that cannot be asked throws (a VendorError); a reference that does not exist is an answer
 * with `target.exists: false`.
 */
export interface OnCallVendor {
  readonly provider: VendorSnapshot['provider'];
  /** The annotations this vendor reads. */
  readonly annotations: readonly string[];
  fetchSnapshot(key: OnCallKey, now: Date): Promise<VendorSnapshot>;
}

/** How far ahead vendors are read: the 14 days shown plus a day, so a cached answer still covers them. */
export const VENDOR_READ_AHEAD_MS = 15 * 86_400_000;
