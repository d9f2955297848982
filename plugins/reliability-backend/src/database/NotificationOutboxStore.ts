import type { NotificationIntent } from '../domain/notifications';

/** A notification claimed for sending by one drain. */
export interface ClaimedNotification {
  id: number;
  intent: NotificationIntent;
  /** How many times a drain claimed it, this time included. */
  attempts: number;
}

/**
 * A change of one observed state (an entity's readiness, a target's status), applied only
 * if the stored state is still `expected`, together with the notifications it causes.
 */
export interface StateTransition {
  stateKey: string;
  /** The stored state this transition was decided on; null when there was none. */
  expected: string | null;
  next: string;
  intents: NotificationIntent[];
}

/**
 * The notification outbox and the observed states the decisions compare with. Writing a
 * transition and its notifications is one transaction, and a transition whose expected state
 * is stale (another replica got there first) writes nothing: each change notifies once.
 */
export interface NotificationOutboxStore {
  /** Adds notifications; a delivery key already in the outbox is skipped. Returns how many were added. */
  enqueue(intents: NotificationIntent[], now: Date): Promise<number>;

  /** The stored states of these keys (missing keys have none). */
  readStates(stateKeys: string[]): Promise<Map<string, string>>;

  /** Applies the transitions still current; returns how many were applied. */
  applyTransitions(transitions: StateTransition[], now: Date): Promise<number>;

  /**
   * Claims up to `limit` pending notifications that nobody holds, for `leaseMs`. Two
   * concurrent claims never return the same row.
   */
  claim(options: {
    claimant: string;
    now: Date;
    leaseMs: number;
    limit: number;
  }): Promise<ClaimedNotification[]>;

  /** Records a claimed notification as sent (only while `claimant` still holds it). */
  markSent(id: number, claimant: string, now: Date): Promise<void>;

  /**
   * Records a failed send: retried after `retryAt`, or given up for good with `giveUp`.
   */
  markFailed(
    id: number,
    claimant: string,
    failure: { error: string; retryAt: Date; giveUp: boolean },
  ): Promise<void>;

  /** Removes sent and given-up notifications created before `before`; returns how many. */
  prune(before: Date): Promise<number>;

  /** Counts per status, for tests and the log. */
  countByStatus(): Promise<Record<'pending' | 'sent' | 'failed', number>>;
}
