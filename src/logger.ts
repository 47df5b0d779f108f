/** How much to log, least to most severe. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const SEVERITY: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/** Where the long-running front ends report what happens to them. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface LoggerOptions {
  /**
   * The least severe level written.
   *
   * @defaultValue 'info'
   */
  level?: LogLevel;
  /**
   * Strings that must never be written (tokens): each is replaced by `[redacted]`, whatever the message.
   *
   * @defaultValue []
   */
  secrets?: readonly string[];
  /**
   * Writes one finished line.
   *
   * @defaultValue a line on stderr, so stdout stays free for the console chat
   */
  write?: (line: string) => void;
  /**
   * The clock for time stamps.
   *
   * @defaultValue the system clock
   */
  now?: () => Date;
}

/** A logger that writes `<time> <level> <message>` lines at or above `level`, with every secret redacted. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const { level = 'info', secrets = [], write = (line) => void process.stderr.write(`${line}\n`), now = () => new Date() } = options;
  const hidden = secrets.filter((s) => s.length > 0);
  const log = (at: LogLevel) => (message: string) => {
    if (SEVERITY[at] < SEVERITY[level]) return;
    const safe = hidden.reduce((text, secret) => text.split(secret).join('[redacted]'), message);
    write(`${now().toISOString()} ${at.padEnd(5)} ${safe}`);
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}
