import { startDiscord, type DiscordBot } from '../../../src/adapters/discord/start-discord.ts';
import type { App } from '../../../src/app.ts';
import type { DailySchedulerOptions } from '../../../src/daily/index.ts';
import { CommandRegistry } from '../../../src/core/index.ts';
import { createLogger } from '../../../src/logger.ts';
import { createTestApp } from '../../fixtures/test-app.ts';
import { FakeDiscord, type RecordedFile, type RecordedRequest } from './fake-discord.ts';
import { buttonPress, postedMessage, slashCommand, autocomplete, type CommandOption, type Origin } from './interaction-payloads.ts';
import { TEST_COMMANDS } from './test-commands.ts';

/** Shaped like a bot token (three dot-separated parts), but not one. */
export const TEST_TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAy.GfAkEt.fake-token-for-the-end-to-end-tests-0123';
export const T0 = new Date('2026-11-23T09:00:00Z');

/** The button labelled `label` on a message's components. */
function buttonOf(data: Record<string, unknown>, label: string | RegExp): { custom_id: string; label: string } {
  const rows = (data['components'] ?? []) as Array<{ components: Array<{ custom_id: string; label: string }> }>;
  const button = rows.flatMap((r) => r.components).find((b) => (typeof label === 'string' ? b.label === label : label.test(b.label)));
  if (!button) throw new Error(`No button ${String(label)} among ${rows.flatMap((r) => r.components.map((b) => b.label)).join(', ')}`);
  return button;
}

/** A message as people see it after an interaction, and where it came from (to press its buttons). */
export interface Shown {
  data: Record<string, unknown>;
  /** The message's flags: 64 when only its recipient sees it. */
  flags: number;
  files: RecordedFile[];
  origin: Origin;
  interactionId: string;
  /** The request that carried it: the callback, or an edit or follow-up after an acknowledgement. */
  via: RecordedRequest;
}

/** What the bot sent for one interaction: its callback, then any follow-ups, edits and deletions. */
export interface Exchange {
  interaction: Record<string, unknown>;
  callback: RecordedRequest;
  /** Every request for this interaction's token, in order. */
  requests(): RecordedRequest[];
  /** The message people end up seeing: the callback's, or the edit or follow-up after an acknowledgement. */
  answer(): Promise<Shown>;
}

export interface Harness {
  fake: FakeDiscord;
  bot: DiscordBot;
  app: App;
  logs: string[];
  command(name: string, options: CommandOption[], origin: Origin): Promise<Exchange>;
  autocomplete(name: string, options: CommandOption[], origin: Origin): Promise<Exchange>;
  /** Dispatches any interaction payload (a modal submit, a command with a file) and waits for its callback. */
  interact(interaction: Record<string, unknown>, origin: Origin): Promise<Exchange>;
  /** Presses the button labelled `label` on a message the bot showed. */
  press(on: Shown, label: string | RegExp, by: Origin): Promise<Exchange>;
  /** Presses the button labelled `label` on a message as Discord returns it (a channel message the bot posted). */
  pressOnMessage(message: Record<string, unknown>, label: string, by: Origin): Promise<Exchange>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  deferAfterMs?: number;
  /** REST retries after a 5xx. Default 1, so a 5xx test can show one retry. */
  retries?: number;
  onSessionLost?: () => void;
  /** The clock the bot reads. Default: always `T0`. */
  now?: () => Date;
  /** Runs the daily-post scheduler with these options. */
  daily?: DailySchedulerOptions;
  /** See `DiscordBotOptions.drainTimeoutMs`. */
  drainTimeoutMs?: number;
}

/**
 * The real app (shipped knowledge, in-memory store, seeded randomness, a fixed clock), its registry plus the
 * test-only commands, and the real discord.js client, connected to a fresh fake Discord.
 */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const fake = await FakeDiscord.start();
  const base = await createTestApp();
  const app: App = { ...base, registry: new CommandRegistry([...base.registry.list().map((e) => e.command), ...TEST_COMMANDS]) };
  const logs: string[] = [];
  const logger = createLogger({ level: 'debug', format: 'pretty', write: (line) => logs.push(line), secrets: [] });
  const bot = await startDiscord(app, {
    token: TEST_TOKEN,
    appId: fake.applicationId,
    logger,
    now: options.now ?? (() => T0),
    ...(options.daily ? { daily: options.daily } : {}),
    deferAfterMs: options.deferAfterMs ?? 1_500,
    rest: { api: fake.apiUrl, retries: options.retries ?? 1, timeout: 2_000, offset: 0 },
    ...(options.onSessionLost ? { onSessionLost: options.onSessionLost } : {}),
    ...(options.drainTimeoutMs ? { drainTimeoutMs: options.drainTimeoutMs } : {}),
  });

  /** Dispatches an interaction and waits for its callback; `pressedFlags` are those of a pressed button's message. */
  const exchange = async (interaction: Record<string, unknown>, origin: Origin, pressedFlags = 0): Promise<Exchange> => {
    const token = String(interaction['token']);
    const interactionId = String(interaction['id']);
    const mine = (r: RecordedRequest) => r.path.includes(`/${token}`);
    const callbackPath = `/interactions/${interactionId}/${token}/callback`;
    const waiting = fake.waitForRequest((r) => r.path === callbackPath && r.status < 300);
    fake.dispatch('INTERACTION_CREATE', interaction);
    const callback = await waiting;
    const shown = (via: RecordedRequest, data: Record<string, unknown>, flags: number): Shown => ({ data, flags, files: via.files, origin, interactionId, via });
    return {
      interaction,
      callback,
      requests: () => fake.requests.filter(mine),
      answer: async () => {
        const body = callback.body as { type: number; data?: Record<string, unknown> };
        const data = body.data ?? {};
        if (body.type === 4) return shown(callback, data, Number(data['flags'] ?? 0));
        if (body.type === 7) return shown(callback, data, pressedFlags);
        // Acknowledged first: the answer is the edit of the original, or a follow-up when it could not be.
        const later = await fake.waitForRequest((r) => mine(r) && !r.path.endsWith('/callback') && r.method !== 'DELETE' && r.status < 300);
        const laterData = later.body as Record<string, unknown>;
        if (later.method === 'POST') return shown(later, laterData, Number(laterData['flags'] ?? 0));
        return shown(later, laterData, body.type === 6 ? pressedFlags : Number(data['flags'] ?? 0));
      },
    };
  };

  return {
    fake,
    bot,
    app,
    logs,
    command: (name, options, origin) => exchange(slashCommand(name, options, origin, fake.applicationId), origin),
    autocomplete: (name, options, origin) => exchange(autocomplete(name, options, origin, fake.applicationId), origin),
    interact: (interaction, origin) => exchange(interaction, origin),
    press: (on, label, by) => {
      const button = buttonOf(on.data, label);
      const message = postedMessage({ ...on.data, flags: on.flags }, on.origin, fake.applicationId, on.interactionId);
      return exchange(buttonPress(button.custom_id, message, by, fake.applicationId), by, on.flags);
    },
    pressOnMessage: (message, label, by) => exchange(buttonPress(buttonOf(message, label).custom_id, message, by, fake.applicationId), by, 0),
    stop: async () => {
      await bot.stop();
      await fake.close();
      await app.close();
    },
  };
}
