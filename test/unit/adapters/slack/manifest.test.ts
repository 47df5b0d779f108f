import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { APP_TOKEN_METHODS, EVENT_SCOPES, METHOD_SCOPES, requiredBotScopes } from '../../../../src/adapters/slack/slack-scopes.ts';
import { createCommandRegistry } from '../../../../src/core/index.ts';

interface Manifest {
  features: { app_home: Record<string, boolean>; slash_commands: Array<{ command: string; usage_hint: string }> };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { bot_events: string[] }; interactivity: { is_enabled: boolean }; socket_mode_enabled: boolean };
}

const manifest = parse(readFileSync('slack/manifest.yaml', 'utf8')) as Manifest;
const folder = 'src/adapters/slack';
const source = readdirSync(folder)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => readFileSync(join(folder, f), 'utf8'))
  .join('\n');

/** Web API methods named in the adapter's source: `client.chat.postMessage(`, `files.uploadV2(`. */
function methodsCalled(): string[] {
  const calls = [...source.matchAll(/\bclient\.(\w+)\.(\w+)(?:\.(\w+))?\(/g)].map((m) => m.slice(1).filter(Boolean).join('.'));
  return [...new Set(calls.flatMap((m) => (m === 'files.uploadV2' ? ['files.getUploadURLExternal', 'files.completeUploadExternal'] : [m])))].sort();
}

/** Events the adapter listens to: `bolt.event('name'` and `bolt.message(` (DMs only, `message.im`). */
function eventsListened(): string[] {
  const events = [...source.matchAll(/\bbolt\.event\('([\w.]+)'/g)].map((m) => m[1]!);
  if (/\bbolt\.message\(/.test(source)) events.push('message.im');
  return events.sort();
}

describe('slack/manifest.yaml against the code', () => {
  test('the source calls Web API methods, and each is in the scope table', () => {
    const called = methodsCalled();
    console.log(`methods called: ${called.join(', ')}`);
    expect(called.length).toBeGreaterThanOrEqual(5);
    for (const method of called) expect(Object.keys(METHOD_SCOPES), method).toContain(method);
  });

  test('every event handled is subscribed, and nothing more', () => {
    expect(eventsListened()).toEqual(Object.keys(EVENT_SCOPES).sort());
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(eventsListened());
  });

  test('the bot scopes are exactly those the methods, events and slash command need', () => {
    const needed = new Set([...methodsCalled().flatMap((m) => METHOD_SCOPES[m] ?? []), ...eventsListened().flatMap((e) => EVENT_SCOPES[e] ?? []), 'commands']);
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...needed].sort());
    expect(requiredBotScopes()).toEqual([...needed].sort());
  });

  test('one slash command, /docker, whose usage hint names registry commands only', () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(['/docker']);
    expect(source).toContain("bolt.command('/docker'");
    const names = createCommandRegistry().list().map((e) => e.command.name);
    const hinted = manifest.features.slash_commands[0]!.usage_hint.split('|').map((part) => part.trim().split(' ')[0]!);
    for (const name of hinted) expect(names).toContain(name);
  });

  test('Socket Mode, interactivity, the Home tab and the Messages tab are on; the app token scope is not a bot scope', () => {
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false });
    for (const scope of Object.values(APP_TOKEN_METHODS)) expect(manifest.oauth_config.scopes.bot).not.toContain(scope);
  });
});
