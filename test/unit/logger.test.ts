import { describe, expect, test } from 'vitest';
import { createLogger } from '../../src/logger.ts';

const clock = () => new Date('2026-11-23T09:00:00Z');

describe('logger', () => {
  test('GIVEN level warn and the pretty format THEN debug and info lines are dropped and the rest are time-stamped', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'warn', format: 'pretty', write: (l) => lines.push(l), now: clock });
    log.debug('d');
    log.info('i');
    log.warn('w');
    log.error('e');
    expect(lines).toEqual(['2026-11-23T09:00:00.000Z warn  w', '2026-11-23T09:00:00.000Z error e']);
  });

  test('GIVEN the json format THEN each entry is one JSON object with time, level, msg and its fields', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'info', format: 'json', write: (l) => lines.push(l), now: clock });
    log.debug('hidden');
    log.info('interaction handled', { interaction: '123', kind: '/ask', latencyMs: 42, outcome: 'answered' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('\n');
    expect(JSON.parse(lines[0]!)).toEqual({ time: '2026-11-23T09:00:00.000Z', level: 'info', msg: 'interaction handled', interaction: '123', kind: '/ask', latencyMs: 42, outcome: 'answered' });
  });

  test('GIVEN fields and the pretty format THEN they follow the message as key=value', () => {
    const lines: string[] = [];
    const log = createLogger({ format: 'pretty', write: (l) => lines.push(l), now: clock });
    log.info('interaction handled', { kind: 'button reveal', latencyMs: 7, outcome: 'deferred' });
    expect(lines).toEqual(['2026-11-23T09:00:00.000Z info  interaction handled kind="button reveal" latencyMs=7 outcome=deferred']);
  });

  test.each(['json', 'pretty'] as const)('GIVEN a secret and the %s format THEN it never reaches the output, in a message or a field', (format) => {
    const lines: string[] = [];
    const log = createLogger({ level: 'debug', format, secrets: ['s3cr3t.t0ken'], write: (l) => lines.push(l), now: clock });
    log.error('login failed for s3cr3t.t0ken (s3cr3t.t0ken)', { url: 'https://x/?t=s3cr3t.t0ken' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('s3cr3t');
    expect(lines[0]).toContain('login failed for [redacted] ([redacted])');
    expect(lines[0]).toContain('t=[redacted]');
  });
});
