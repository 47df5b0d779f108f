/**
 * The database stayed locked by another process for longer than a call may wait (a backup, the `sqlite3`
 * shell holding a transaction open, a second bot process mid-write). Front ends answer "busy, try again";
 * start-up stops with this message.
 */
export class StoreBusyError extends Error {
  /** How long the call waited for the lock, in milliseconds. */
  readonly waitedMs: number;

  constructor(where: string, waitedMs: number, cause?: unknown) {
    super(
      `Another process holds ${where} locked (a backup, the sqlite3 shell or a second bot process writing to it); ` +
        `waited ${String(Math.round(waitedMs))} ms. Let it finish or stop it, then try again.`,
      { cause },
    );
    this.name = 'StoreBusyError';
    this.waitedMs = waitedMs;
  }
}
