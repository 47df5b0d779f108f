const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A short, rounded span for buttons and footers: `1m`, `10m`, `3h`, `4d`, `2mo`, `1.2y`. */
export function formatInterval(ms: number): string {
  if (ms < MINUTE) return '<1m';
  if (ms < HOUR) return `${Math.round(ms / MINUTE)}m`;
  if (ms < DAY) return `${Math.round(ms / HOUR)}h`;
  if (ms < 30 * DAY) return `${Math.round(ms / DAY)}d`;
  if (ms < 365 * DAY) return `${Math.round(ms / (30 * DAY))}mo`;
  return `${(ms / (365 * DAY)).toFixed(1)}y`;
}

/** "in 3 days", "in 10 minutes", "now": the same span in words. */
export function describeWait(ms: number): string {
  const plural = (n: number, unit: string) => `in ${n} ${unit}${n === 1 ? '' : 's'}`;
  if (ms < MINUTE) return 'now';
  if (ms < HOUR) return plural(Math.round(ms / MINUTE), 'minute');
  if (ms < DAY) return plural(Math.round(ms / HOUR), 'hour');
  if (ms < 60 * DAY) return plural(Math.round(ms / DAY), 'day');
  return plural(Math.round(ms / (30 * DAY)), 'month');
}
