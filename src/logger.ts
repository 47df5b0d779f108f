import { pino, type LogFn } from 'pino';

/** How much to log, least to most severe. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** How lines are written: one JSON object a line (for collectors), or `<time> <level> <message> key=value` for people. */
export type LogFormat = 'json' | 'pretty';

/** Machine-readable facts about a log entry (ids, kinds, milliseconds, outcomes), never user text. */
export type LogFields = Record<string, string | number | boolean>;

/** Where the long-running front ends report what happens to them. */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export interface LoggerOptions {
  /**
   * The least severe level written.
   *
   * @defaultValue 'info'
   */
  level?: LogLevel;
  /**
   * `json` or `pretty` (see {@link LogFormat}).
   *
   * @defaultValue 'pretty' when stderr is a terminal, else 'json'
   */
  format?: LogFormat;
  /**
   * Strings that must never be written (tokens): each is replaced by `[redacted]`, wherever it appears in a
   * message or a field.
   *
   * @defaultValue []
   */
  secrets?: readonly string[];
  /**
   * Writes one finished line, without its line break.
   *
   * @defaultValue a line on stderr, so stdout stays free for the console chat and `ask --json`
   */
  write?: (line: string) => void;
  /**
   * The clock for time stamps.
   *
   * @defaultValue the system clock
   */
  now?: () => Date;
}

/**
 * A logger on pino that writes lines at or above `level`, each with `time` (ISO 8601), `level`, `msg` and the
 * entry's fields, with every secret redacted. pino's own `redact` only masks key paths, so secrets are replaced
 * as substrings of every string argument in pino's `logMethod` hook, before anything is serialised.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const {
    level = 'info',
    format = process.stderr.isTTY ? 'pretty' : 'json',
    secrets = [],
    write = (line) => void process.stderr.write(`${line}\n`),
    now = () => new Date(),
  } = options;
  const hidden = secrets.filter((s) => s.length > 0);
  const redact = (text: string) => hidden.reduce((safe, secret) => safe.split(secret).join('[redacted]'), text);
  const redactArgument = (value: unknown): unknown => {
    if (typeof value === 'string') return redact(value);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, typeof field === 'string' ? redact(field) : field]));
  };
  const base = pino(
    {
      level,
      base: undefined,
      timestamp: () => `,"time":${JSON.stringify(now().toISOString())}`,
      formatters: { level: (label) => ({ level: label }) },
      hooks: {
        logMethod(args: Parameters<LogFn>, method: LogFn) {
          (method as (...a: unknown[]) => void).apply(this, args.map(redactArgument));
        },
      },
    },
    { write: (chunk: string) => write(format === 'json' ? chunk.trimEnd() : prettyLine(chunk)) },
  );
  const at = (name: LogLevel) => (message: string, fields?: LogFields) => (fields ? base[name](fields, message) : base[name](message));
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/**
 * pino's JSON line as `<time> <level> <message> key=value …` for a terminal. Our own few lines rather than
 * pino-pretty, which would add a dozen packages (colours, date formatting, argument parsing) for this one job.
 */
function prettyLine(chunk: string): string {
  const { time, level, msg, ...fields } = JSON.parse(chunk) as Record<string, unknown>;
  const extra = Object.entries(fields).map(([key, value]) => ` ${key}=${typeof value === 'string' && !/\s/.test(value) ? value : JSON.stringify(value)}`);
  return `${String(time)} ${String(level).padEnd(5)} ${String(msg)}${extra.join('')}`;
}
