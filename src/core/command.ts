import type { z } from 'zod';
import type { DiagramRenderer } from '../diagrams/index.ts';
import type { FlagInventory } from '../explain/index.ts';
import type { KnowledgeBase } from '../knowledge/index.ts';
import type { Deck } from '../quiz/index.ts';
import type { DailySchedule, Store } from '../store/index.ts';
import type { DailyDeliveryOutcome } from '../daily/daily-poster.ts';
import type { AnswerEngine, TopicFinder } from '../search/index.ts';
import type { RateLimiter } from './rate-limiter.ts';
import type { Reply } from './reply.ts';

export type Platform = 'console' | 'discord' | 'slack';

/** Who is asking and where: everything a handler may know about the request, already parsed. */
export interface CommandRequest {
  platform: Platform;
  user: { id: string; name: string };
  /** A Discord server or Slack workspace; absent in DMs and the console. */
  serverId?: string;
  channelId?: string;
  now: Date;
  /**
   * The person's IANA time zone: their own `/settings` choice, else what the platform tells (Slack, the
   * console); streaks, the new-card limit and "next due" use it. UTC when unknown.
   */
  timeZone?: string;
  /** New cards `/review` may introduce per day, from the person's `/settings`; the product's default when absent. */
  newCardsPerDay?: number;
  /**
   * Whether the person may change this server's settings (Discord: Manage Server), as the platform reports
   * it. Commands with `permission: 'manage-server'` are refused unless it is true.
   */
  canManageServer?: boolean;
  /**
   * What the bot lacks to post its own messages in this channel (Discord reports the bot's permissions with
   * each interaction), by the names people see in Discord's settings; absent where the platform does not say.
   */
  missingPostPermissions?: string[];
}

/** The services handlers are given: the core's ports, never a platform client. */
export interface CoreServices {
  knowledge: KnowledgeBase;
  engine: AnswerEngine;
  topics: TopicFinder;
  deck: Deck;
  store: Store;
  /** Renders diagrams to PNG once each, then serves them from its cache. */
  diagrams: DiagramRenderer;
  /** The docker CLI's subcommands and flags (`docker-cli/`), for explaining pasted commands. */
  dockerCli: FlagInventory;
  /** Uniform in [0, 1): shuffles and picks. Tests pass a seeded one. */
  random: () => number;
  /** A new random id for sessions, quizzes and answers (matches `RecordIdSchema`). */
  newId: () => string;
  /** Per-person limits on commands and button presses from chat platforms (the console is one person: exempt). */
  limiter: RateLimiter;
  /** The daily-post scheduler of this process, for `/daily now` and `/daily reveal`; absent where none runs. */
  daily?: DailyControl;
  /** The platform's checks for `/daily set` where the request does not carry them (Slack); absent on Discord. */
  dailyChecks?: DailyPlaceChecks;
}

/**
 * What `/daily set` asks a platform that the request alone does not say (Slack: Web API calls). Expected
 * failures are codes; the command's table turns them into words.
 */
export interface DailyPlaceChecks {
  /**
   * Why the bot could not post its own messages in this channel, or undefined when it can: `not-in-channel`
   * (invite it), `not-a-channel` (a direct message), `channel-unreadable` (the platform would not say).
   */
  postingProblem(channelId: string): Promise<'not-in-channel' | 'not-a-channel' | 'channel-unreadable' | undefined>;
  /**
   * The id of the group a daily post pings, from what the person typed (at most 100 characters: a mention, a
   * handle or an id): `invalid-user-group` (not shaped like one), `unknown-user-group` (none such),
   * `user-groups-unreadable` (the platform refused to list them, a missing scope).
   */
  resolvePingGroup(text: string): Promise<{ ok: true; id: string } | { ok: false; code: 'invalid-user-group' | 'unknown-user-group' | 'user-groups-unreadable' }>;
}

/** What `/daily` may ask of the scheduler. */
export interface DailyControl {
  /** The platforms this process posts on. */
  readonly platforms: readonly string[];
  /** Posts an extra question now; undefined when no question matches the schedule's topics. */
  postNow(schedule: DailySchedule): Promise<DailyDeliveryOutcome | undefined>;
  /** Looks for due work now rather than at the next tick (a reveal asked for). */
  wake(): void;
}

/** Where an argument's autocomplete suggestions come from. */
export type CompletionSource = 'topic' | 'question' | 'command' | 'diagram' | 'time-zone';

/** Metadata read from an argument's zod schema with `.meta({ ... })`. */
export interface ArgumentMeta {
  autocomplete?: CompletionSource;
  /**
   * What happens to a value longer than the argument's `.max()`: `refuse` (the default) answers "too long";
   * `cut` keeps the first `.max()` characters (a long pasted question is still worth reading).
   */
  overflow?: 'refuse' | 'cut';
  /**
   * The argument holds a pasted block (a command, a Dockerfile) rather than a line: where a platform's command
   * box is too small, it offers a file attachment (which wins) and, when both are empty, a form with a
   * multi-line field (Discord: a modal).
   */
  paste?: boolean;
}

export interface CommandDefinition<Args extends z.ZodObject = z.ZodObject> {
  /** Lowercase, as typed after the slash. */
  name: string;
  /** One line for help and the platforms' command pickers (at most 100 characters). */
  description: string;
  /** Every argument with `.describe()`; the first string argument also takes free text (`/ask why ...`). */
  args: Args;
  /** Example invocations shown by `/help name`. */
  examples: string[];
  /**
   * `manage-server`: the command changes a server's settings, so only people allowed to manage the server may
   * run it, and only in a server. Platforms also hide it from others where they can.
   */
  permission?: 'manage-server';
  /**
   * The command is about a server or workspace (a leaderboard of its learners), so it means nothing where
   * there is none: the console leaves it out of `/help`, and it says so where it is tried in a direct message.
   */
  needsServer?: boolean;
  /**
   * The command may take longer than a platform's reply window (a first diagram render, say), so adapters
   * acknowledge the request before running it rather than after.
   */
  slow?: boolean;
  run(args: z.infer<Args>, request: CommandRequest, services: CoreServices): Reply | Promise<Reply>;
}

/** Defines a command with its argument types inferred from the schema. */
export function defineCommand<Args extends z.ZodObject>(definition: CommandDefinition<Args>): CommandDefinition<Args> {
  return definition;
}

// The registry stores commands of different argument types side by side.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCommand = CommandDefinition<any>;
