import { describe, expect, test, vi } from 'vitest';
import { z } from 'zod';
import { CommandRegistry, RateLimiter, type CommandRequest, type CoreServices } from '../../../src/core/index.ts';
import { defineCommand } from '../../../src/core/command.ts';
import { openStore } from '../../../src/store/index.ts';

const run = vi.fn(() => ({ tone: 'success' as const, text: 'Settings saved.' }));
const settingsCommand = defineCommand({
  name: 'settings',
  description: 'Change a server setting',
  args: z.object({}),
  examples: ['/settings'],
  permission: 'manage-server',
  run,
});
const registry = new CommandRegistry([settingsCommand]);
// The command under test reads no services; the registry checks the rate limit and reads the learner's settings from a real store.
const services = { limiter: new RateLimiter(), store: await openStore({ DATABASE_PATH: ':memory:' }) } as CoreServices;
const member = (extra: Partial<CommandRequest>): CommandRequest => ({
  platform: 'discord',
  user: { id: 'u1', name: 'ada' },
  serverId: 'guild-1',
  now: new Date('2026-11-23T09:00:00Z'),
  ...extra,
});

describe('commands that need the Manage Server permission', () => {
  test('GIVEN a member without the permission THEN the command is refused, says why, and does not run', async () => {
    run.mockClear();
    const reply = await registry.execute('settings', {}, member({ canManageServer: false }), services);
    expect(reply).toMatchObject({ tone: 'error', title: 'Only for server managers', ephemeral: true });
    expect(reply.text).toContain('**Manage Server**');
    expect(run).not.toHaveBeenCalled();
  });

  test('GIVEN a platform that did not say THEN the command is refused', async () => {
    run.mockClear();
    expect(await registry.execute('settings', {}, member({}), services)).toMatchObject({ title: 'Only for server managers' });
    expect(run).not.toHaveBeenCalled();
  });

  test('GIVEN a direct message THEN it is refused as needing a server, even with the permission', async () => {
    const reply = await registry.execute('settings', {}, member({ serverId: undefined, canManageServer: true }), services);
    expect(reply).toMatchObject({ title: 'Only in a server' });
  });

  test('GIVEN a member with the permission THEN the command runs', async () => {
    run.mockClear();
    expect(await registry.execute('settings', {}, member({ canManageServer: true }), services)).toMatchObject({ text: 'Settings saved.' });
    expect(run).toHaveBeenCalledOnce();
  });

  test('GIVEN a command without a permission THEN the flag is not needed', async () => {
    const open = new CommandRegistry([{ ...settingsCommand, name: 'open', permission: undefined }]);
    expect(await open.execute('open', {}, member({}), services)).toMatchObject({ text: 'Settings saved.' });
  });
});
