/** A stored time (BIGINT milliseconds since the epoch) as a `Date`: PostgreSQL returns BIGINT as a string, SQLite as a number. */
export function toDate(value: unknown): Date {
  return new Date(Number(value));
}
