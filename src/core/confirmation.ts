/** How long a confirmation button (`/forget-me`, `/reset`) works, in seconds. */
export const CONFIRMATION_SECONDS = 600;

/** The `issuedAt` a confirmation button carries: whole seconds since the epoch. */
export const issuedAtOf = (now: Date): number => Math.floor(now.getTime() / 1000);

/** Whether a confirmation shown at `issuedAt` (seconds) may still be pressed at `now`. */
export const confirmationExpired = (issuedAt: number, now: Date): boolean => now.getTime() / 1000 - issuedAt > CONFIRMATION_SECONDS;
