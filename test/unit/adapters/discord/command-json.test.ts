import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { commandJson, commandsJson } from '../../../../src/adapters/discord/command-json.ts';
import { CommandRegistry, createCommandRegistry } from '../../../../src/core/index.ts';
import { defineCommand } from '../../../../src/core/command.ts';

const reply = () => ({ tone: 'info' as const, text: 'ok' });

describe('slash command JSON', () => {
  test('GIVEN the shipped registry THEN every command builds, in order, usable in servers and DMs', () => {
    const json = commandsJson(createCommandRegistry());
    expect(json.map((c) => c.name)).toEqual(['ask', 'explain', 'explain-command', 'explain-dockerfile', 'topics', 'quiz', 'review', 'stats', 'leaderboard', 'settings', 'undo', 'reset', 'diagram', 'forget-me', 'help']);
    for (const command of json) {
      expect(command).toMatchObject({ type: 1, default_member_permissions: null, contexts: [0, 1], integration_types: [0] });
    }
  });

  test('GIVEN an optional argument declared before a required one THEN Discord gets the required one first', () => {
    const registry = new CommandRegistry([
      defineCommand({
        name: 'pair',
        description: 'Two arguments',
        args: z.object({ first: z.string().optional().describe('Optional'), second: z.string().describe('Required') }),
        examples: [],
        run: reply,
      }),
    ]);
    expect(commandJson(registry.get('pair')!).options?.map((o) => [o.name, o.required])).toEqual([['second', true], ['first', false]]);
  });

  test('GIVEN a command that needs Manage Server THEN it is hidden from other members and offered in servers only', () => {
    const registry = new CommandRegistry([defineCommand({ name: 'daily', description: 'Daily quiz settings', args: z.object({}), examples: [], permission: 'manage-server', run: reply })]);
    expect(commandJson(registry.get('daily')!)).toMatchObject({ default_member_permissions: '32', contexts: [0] });
  });

  test('GIVEN an argument Discord would refuse THEN building fails and names it', () => {
    const registry = new CommandRegistry([
      defineCommand({ name: 'long', description: 'Long option text', args: z.object({ text: z.string().describe('x'.repeat(101)) }), examples: [], run: reply }),
    ]);
    expect(() => commandJson(registry.get('long')!)).toThrow('/long text: description over 100');
  });
});
