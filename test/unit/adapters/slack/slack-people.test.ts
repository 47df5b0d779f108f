import { describe, expect, test } from 'vitest';
import { SlackPeople } from '../../../../src/adapters/slack/slack-people.ts';

describe('names and time zones from Slack profiles', () => {
  test('GIVEN a person asked about twice within a day THEN Slack is asked once, and again after a day', async () => {
    let clock = new Date('2026-11-23T09:00:00Z');
    const asked: string[] = [];
    const people = new SlackPeople({ now: () => clock, lookup: async (id) => (asked.push(id), { name: 'Ada', timeZone: 'Europe/Paris' }) });
    expect(await people.person('U1')).toEqual({ name: 'Ada', timeZone: 'Europe/Paris' });
    clock = new Date(clock.getTime() + 23 * 3_600_000);
    await people.person('U1');
    expect(asked).toEqual(['U1']);
    clock = new Date(clock.getTime() + 2 * 3_600_000);
    await people.person('U1');
    expect(asked).toEqual(['U1', 'U1']);
  });

  test('GIVEN the call fails (no users:read) or an unknown zone THEN UTC and the user id, and the failure is retried after an hour', async () => {
    let clock = new Date('2026-11-23T09:00:00Z');
    let calls = 0;
    const people = new SlackPeople({ now: () => clock, lookup: async () => { calls += 1; throw new Error('missing_scope'); } });
    expect(await people.person('U2')).toEqual({ name: 'U2', timeZone: 'UTC' });
    clock = new Date(clock.getTime() + 3_600_001);
    await people.person('U2');
    expect(calls).toBe(2);
    const odd = new SlackPeople({ now: () => clock, lookup: async () => ({ timeZone: 'Mars/Olympus' }) });
    expect(await odd.person('U3')).toEqual({ name: 'U3', timeZone: 'UTC' });
  });

  test('GIVEN more people than the cache holds THEN the oldest is forgotten first', async () => {
    const asked: string[] = [];
    const people = new SlackPeople({ now: () => new Date(0), maxEntries: 2, lookup: async (id) => (asked.push(id), {}) });
    for (const id of ['A', 'B', 'C', 'A']) await people.person(id);
    expect(asked).toEqual(['A', 'B', 'C', 'A']);
  });
});
