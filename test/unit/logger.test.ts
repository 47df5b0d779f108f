import { describe, expect, test } from 'vitest';
import { createLogger } from '../../src/logger.ts';

const clock = () => new Date('2026-11-23T09:00:00Z');

describe('logger', () => {
  test('GIVEN level warn THEN debug and info lines are dropped and the rest are time-stamped', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'warn', write: (l) => lines.push(l), now: clock });
    log.debug('d');
    log.info('i');
    log.warn('w');
    log.error('e');
    expect(lines).toEqual(['2026-11-23T09:00:00.000Z warn  w', '2026-11-23T09:00:00.000Z error e']);
  });

  test('GIVEN a secret THEN it never reaches the output, wherever it appears in a message', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'debug', secrets: ['s3cr3t.t0ken'], write: (l) => lines.push(l), now: clock });
    log.error('login failed for s3cr3t.t0ken (s3cr3t.t0ken)');
    expect(lines).toEqual(['2026-11-23T09:00:00.000Z error login failed for [redacted] ([redacted])']);
  });
});
