import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger, LogLevel as OurLevel } from '../../logger.ts';

const BOLT_LEVELS: Record<OurLevel, LogLevel> = { debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN, error: LogLevel.ERROR };

/**
 * Bolt's, the Web API client's and the Socket Mode client's logs, written through our logger (which redacts
 * the tokens). Bolt builds its debug lines only at the debug level, so `level` keeps them cheap otherwise.
 */
export function boltLogger(logger: Logger, level: OurLevel): BoltLogger {
  let current = BOLT_LEVELS[level];
  let name = 'slack';
  const line = (parts: unknown[]) => `${name}: ${parts.map((p) => (p instanceof Error ? p.message : typeof p === 'string' ? p : JSON.stringify(p))).join(' ')}`;
  return {
    debug: (...parts) => logger.debug(line(parts)),
    info: (...parts) => logger.info(line(parts)),
    warn: (...parts) => logger.warn(line(parts)),
    error: (...parts) => logger.error(line(parts)),
    setLevel: (next) => void (current = next),
    getLevel: () => current,
    setName: (next) => void (name = next),
  };
}
