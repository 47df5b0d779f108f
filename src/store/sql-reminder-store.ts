import { claimLeasedRows } from './claim-leased-rows.ts';
import type { DailyPlatform } from './daily-store.ts';
import type { Reminder, ReminderClaim, ReminderStore } from './reminder-store.ts';
import type { SqlDriver } from './sql-driver.ts';
import { toDate } from './to-date.ts';

/** The `ReminderStore` in SQL, over the same drivers as `SqlStore`. */
export class SqlReminderStore implements ReminderStore {
  readonly #db: SqlDriver;

  constructor(db: SqlDriver) {
    this.#db = db;
  }

  async saveReminder(r: Reminder, at: Date): Promise<void> {
    await this.#db.run(
      `INSERT INTO reminders (learner_key, platform, user_id, local_time, time_zone, enabled, disabled_reason,
         next_due_at, next_local_date, last_done_date, first_attempt_at, lease_until, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, 0, ?)
       ON CONFLICT (learner_key) DO UPDATE SET platform = excluded.platform, user_id = excluded.user_id,
         local_time = excluded.local_time, time_zone = excluded.time_zone, enabled = excluded.enabled,
         disabled_reason = excluded.disabled_reason, next_due_at = excluded.next_due_at,
         next_local_date = excluded.next_local_date, first_attempt_at = NULL, lease_until = 0,
         updated_at = excluded.updated_at, last_done_date = COALESCE(reminders.last_done_date, excluded.last_done_date)`,
      [
        r.learnerKey,
        r.platform,
        r.userId,
        r.time,
        r.timeZone,
        r.enabled ? 1 : 0,
        r.disabledReason ?? null,
        r.nextDue?.at.getTime() ?? null,
        r.nextDue?.localDate ?? null,
        r.lastDoneDate ?? null,
        at.getTime(),
      ],
    );
  }

  async reminder(learnerKey: string): Promise<Reminder | undefined> {
    const [row] = await this.#db.all(`SELECT * FROM reminders WHERE learner_key = ?`, [learnerKey]);
    return row && toReminder(row);
  }

  async disableReminder(learnerKey: string, reason: string): Promise<boolean> {
    const changed = await this.#db.run(
      `UPDATE reminders SET enabled = 0, disabled_reason = ?, next_due_at = NULL, next_local_date = NULL, first_attempt_at = NULL, lease_until = 0
       WHERE learner_key = ? AND enabled = 1`,
      [reason, learnerKey],
    );
    return changed > 0;
  }

  async claimDueReminders(platforms: readonly DailyPlatform[], now: Date, leaseMs: number, limit: number): Promise<ReminderClaim[]> {
    const rows = await claimLeasedRows(
      this.#db,
      {
        table: 'reminders',
        keys: ['learner_key'],
        lease: 'lease_until',
        order: 'next_due_at',
        due: 'enabled = 1 AND next_due_at <= ?',
      },
      platforms,
      now,
      leaseMs,
      limit,
    );
    const leaseUntil = new Date(now.getTime() + leaseMs);
    return rows
      .map((row) => {
        const reminder = toReminder(row);
        const claim: ReminderClaim = { reminder, localDate: reminder.nextDue!.localDate, dueAt: reminder.nextDue!.at, leaseUntil };
        if (row['first_attempt_at'] != null) claim.firstAttemptAt = toDate(row['first_attempt_at']);
        return claim;
      })
      .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  }

  async advanceReminder(learnerKey: string, claimedDate: string, next: { at: Date; localDate: string }): Promise<void> {
    await this.#db.run(
      `UPDATE reminders SET next_due_at = ?, next_local_date = ?, lease_until = 0, first_attempt_at = NULL,
         last_done_date = CASE WHEN last_done_date IS NULL OR last_done_date < ? THEN ? ELSE last_done_date END
       WHERE learner_key = ? AND next_local_date = ?`,
      [next.at.getTime(), next.localDate, claimedDate, claimedDate, learnerKey, claimedDate],
    );
  }

  async startReminderAttempt(learnerKey: string, at: Date): Promise<Date> {
    await this.#db.run(`UPDATE reminders SET first_attempt_at = COALESCE(first_attempt_at, ?) WHERE learner_key = ?`, [at.getTime(), learnerKey]);
    const [row] = await this.#db.all(`SELECT first_attempt_at FROM reminders WHERE learner_key = ?`, [learnerKey]);
    return row?.['first_attempt_at'] == null ? at : toDate(row['first_attempt_at']);
  }

  async retryReminderAt(learnerKey: string, retryAt: Date, notPosted = false): Promise<void> {
    await this.#db.run(
      `UPDATE reminders SET lease_until = ?, first_attempt_at = CASE WHEN ? = 1 THEN NULL ELSE first_attempt_at END WHERE learner_key = ?`,
      [retryAt.getTime(), notPosted ? 1 : 0, learnerKey],
    );
  }
}

function toReminder(row: Record<string, unknown>): Reminder {
  const reminder: Reminder = {
    learnerKey: String(row['learner_key']),
    platform: String(row['platform']) as DailyPlatform,
    userId: String(row['user_id']),
    time: String(row['local_time']),
    timeZone: String(row['time_zone']),
    enabled: Number(row['enabled']) === 1,
  };
  if (row['disabled_reason'] != null) reminder.disabledReason = String(row['disabled_reason']);
  if (row['next_due_at'] != null) reminder.nextDue = { at: toDate(row['next_due_at']), localDate: String(row['next_local_date']) };
  if (row['last_done_date'] != null) reminder.lastDoneDate = String(row['last_done_date']);
  return reminder;
}
