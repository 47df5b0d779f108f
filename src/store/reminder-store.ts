import type { DailyPlatform } from './daily-store.ts';

/** A learner's opt-in reminder by direct message, as set with `/settings`. */
export interface Reminder {
  /** `platform:userId`, as everywhere in the store. */
  learnerKey: string;
  platform: DailyPlatform;
  /** The platform's user id, to open the direct message with. */
  userId: string;
  /** The local time, `HH:MM`. */
  time: string;
  /** An IANA time zone: the learner's own at the time it was set (`/settings time-zone` updates it). */
  timeZone: string;
  enabled: boolean;
  /** Why it stopped: `off` (the learner), `dms-closed` (the platform refused the message). */
  disabledReason?: string;
  /** The next reminder: its instant (UTC) and local date. Absent while disabled. */
  nextDue?: { at: Date; localDate: string };
  /** The last local date whose reminder is done: sent, not needed (nothing due), skipped or given up on. */
  lastDoneDate?: string;
}

/** A due reminder claimed by one process until `leaseUntil`. */
export interface ReminderClaim {
  reminder: Reminder;
  localDate: string;
  dueAt: Date;
  /**
   * When the first attempt to send this local date's reminder began, if one did and its outcome was not
   * settled (a failed send put back for a retry, or a process that died mid-send).
   */
  firstAttemptAt?: Date;
  leaseUntil: Date;
}

/**
 * Reminders in the Store, claimed like daily posts: each (learner, local date) is sent by one process at a time,
 * under a lease, and moved on to its next date once done.
 */
export interface ReminderStore {
  /**
   * Creates or replaces a learner's reminder. Any claim on it is dropped; its last done date is kept, so turning
   * reminders off and on again the same day does not remind twice that day (the caller computes `nextDue` with it).
   */
  saveReminder(reminder: Reminder, at: Date): Promise<void>;
  reminder(learnerKey: string): Promise<Reminder | undefined>;
  /** Stops a reminder (`reason`: `off`, `dms-closed`); false when there is none or it was off already. */
  disableReminder(learnerKey: string, reason: string): Promise<boolean>;
  /**
   * Claims up to `limit` enabled reminders of `platforms` due at `now` and not under a live lease, earliest first,
   * leasing each until `now + leaseMs`.
   */
  claimDueReminders(platforms: readonly DailyPlatform[], now: Date, leaseMs: number, limit: number): Promise<ReminderClaim[]>;
  /**
   * Moves a claimed reminder on to `next` and releases it; `claimedDate` becomes its last done date. Does nothing
   * if the reminder was changed since the claim (its next date is no longer `claimedDate`).
   */
  advanceReminder(learnerKey: string, claimedDate: string, next: { at: Date; localDate: string }): Promise<void>;
  /**
   * Records that an attempt to send the claimed reminder begins at `at`, unless one began earlier for the same
   * date; resolves to the first attempt's time.
   */
  startReminderAttempt(learnerKey: string, at: Date): Promise<Date>;
  /**
   * Keeps a claimed reminder's date but lets it be claimed again at `retryAt` (a failed send's backoff). With
   * `notPosted` (the platform proved the attempt created nothing) the attempt is forgotten, so the retry starts
   * afresh; otherwise the first attempt's time stays.
   */
  retryReminderAt(learnerKey: string, retryAt: Date, notPosted?: boolean): Promise<void>;
}
