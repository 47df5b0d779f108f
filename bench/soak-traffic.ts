/**
 * The hostile-input soak's traffic: a seeded stream of Discord interactions from simulated users, mixing what
 * learners normally do with what a hostile user or a misbehaving platform can send. The same seed gives the same
 * choices (which user, which kind, which input); the buttons pressed come from the bot's own earlier replies,
 * so which quiz they name depends on what the bot chose.
 */
import { seededRandom } from '../src/quiz/index.ts';
import {
  autocomplete,
  buttonPress,
  inDm,
  inServer,
  postedMessage,
  slashCommand,
  text,
  user,
  type CommandOption,
  type Origin,
} from '../test/e2e/discord/interaction-payloads.ts';
import { HOSTILE_INPUTS } from '../test/fixtures/hostile-inputs.ts';

/** What a step of the soak sends. */
export const SOAK_KINDS = ['command', 'hostile option', 'autocomplete', 'long paste', 'real button', 'forged button', 'concurrent press'] as const;
export type SoakKind = (typeof SOAK_KINDS)[number];

export interface PlannedInteraction {
  kind: SoakKind;
  origin: Origin;
  payload: Record<string, unknown>;
  /** For concurrent presses: the group's number, and whether this is the second press by the same person. */
  group?: { id: number; repeat: boolean };
}

/** A message the bot showed someone, as the fake saw it, so later steps can press its buttons. */
export interface ShownMessage {
  data: Record<string, unknown>;
  /** 64 when only `owner` sees it. */
  flags: number;
  owner: Origin;
  interactionId: string;
}

export interface SoakTrafficOptions {
  seed: number;
  users: number;
  applicationId: string;
  /** Questions to `/ask` (the knowledge base's own). */
  questions: readonly string[];
  /** Topic names for `/explain`, `/quiz` and autocomplete. */
  topicNames: readonly string[];
}

/** How long a paste into autocomplete is: the size that used to stall the bot (issue 9). */
export const PASTE_LENGTH = 6_000;

const DIAGRAM_NAMES = ['image vs container', 'layers', 'vm vs container', 'lifecycle', 'build push pull run', ''];
/** Names people can really have: Discord refuses control characters in names, not Markdown, mentions or RTL marks. */
const DISPLAY_NAMES = ['**bold** _name_', '@everyone', '<@123456789> fake', '🐳🐳🐳', 'rtl \u202eeman\u202c', '`code` ||spoiler||'];
/** Every string option of every command, with whether Discord offers autocomplete on it. */
const STRING_OPTIONS: ReadonlyArray<{ command: string; option: string; autocomplete: boolean; with?: CommandOption[] }> = [
  { command: 'ask', option: 'question', autocomplete: true },
  { command: 'explain', option: 'topic', autocomplete: true },
  { command: 'quiz', option: 'topic', autocomplete: true, with: [text('mode', 'mcq')] },
  { command: 'quiz', option: 'mode', autocomplete: false },
  { command: 'diagram', option: 'name', autocomplete: true },
  { command: 'help', option: 'command', autocomplete: true },
  { command: 'leaderboard', option: 'period', autocomplete: false },
];
/** Button ids no release of the bot ever made: malformed, forged, out of range, or from a future version. */
const FORGED_IDS: readonly string[] = [
  'v1:answer:AAAAAAAAAAAA:9',
  'v1:answer:../../etc/passwd:0',
  'v1:grade:AAAAAAAAAAAA:0',
  'v1:grade:AAAAAAAAAAAA:1e0',
  'v1:grade:AAAAAAAAAAAA: 1',
  `v1:reveal:${'A'.repeat(33)}`,
  'v1:vote:sideways:AAAAAAAAAAAA',
  'v1:quiz:mcq:volumes:extra',
  'v1:quiz:essay',
  'v1:diagram:../../../secret',
  'v1:explain:no-such-topic',
  'v0:explain:volumes',
  'v2:explain:volumes',
  'v1:__proto__',
  'v1:constructor:x',
  'v1:toString',
  ':::::::::',
  'v1:answer:',
  `v1:${'x'.repeat(97)}`,
  'x'.repeat(100),
  'x'.repeat(4_000),
  ...HOSTILE_INPUTS.map(([, value]) => value),
];

/** A shown message as a later button interaction carries it: one message id for every press on it. */
type Pressable = ShownMessage & { message: Record<string, unknown> };

/** A seeded stream of interactions; `observe` feeds it the bot's replies so it can press real buttons. */
export class SoakTraffic {
  readonly #options: SoakTrafficOptions;
  readonly #random: () => number;
  readonly #users: Origin[];
  /** Each person's last few messages with buttons, newest last. */
  readonly #shown = new Map<string, Pressable[]>();
  /** The last public multiple-choice questions, which anyone may answer. */
  readonly #publicQuestions: Pressable[] = [];
  #groups = 0;
  readonly #mix: ReadonlyArray<readonly [number, () => PlannedInteraction[]]>;

  constructor(options: SoakTrafficOptions) {
    this.#options = options;
    this.#random = seededRandom(options.seed);
    this.#users = Array.from({ length: options.users }, (_, i) => {
      const who = user(String(1_400_000_000_000_000_000n + BigInt(i)), `learner${i}`, i % 8 === 7 ? DISPLAY_NAMES[(i >> 3) % DISPLAY_NAMES.length]! : null);
      // One person in ten talks to the bot in a DM.
      return i % 10 === 9 ? inDm(who) : inServer(who);
    });
    // Weights per step, chosen so that about a third of the interactions are commands: 50 people at 30
    // interactions a second then stay mostly within the per-person command limit (a burst of 8, then one every 4 s).
    this.#mix = [
      [16, () => [this.#normalCommand()]],
      [10, () => [this.#hostileOption()]],
      [14, () => [this.#typing()]],
      [8, () => [this.#longPaste()]],
      [20, () => [this.#realButton()]],
      [8, () => [this.#forgedButton()]],
      [2, () => this.#concurrentPresses()],
    ];
  }

  /** The next step: one interaction, or several to be sent at once (concurrent presses). */
  next(): PlannedInteraction[] {
    const total = this.#mix.reduce((sum, [weight]) => sum + weight, 0);
    let roll = this.#random() * total;
    for (const [weight, step] of this.#mix) {
      if ((roll -= weight) < 0) return step();
    }
    return this.#mix[0]![1]();
  }

  /** Remembers a message the bot showed, if it has buttons; the newest few per person are kept. */
  observe(shown: ShownMessage): void {
    if (buttonIdsOf(shown.data).length === 0) return;
    const pressable = { ...shown, message: postedMessage({ ...shown.data, flags: shown.flags }, shown.owner, this.#options.applicationId, shown.interactionId) };
    const mine = this.#shown.get(shown.owner.user.id) ?? [];
    mine.push(pressable);
    if (mine.length > 5) mine.shift();
    this.#shown.set(shown.owner.user.id, mine);
    if ((shown.flags & 64) === 0 && buttonIdsOf(shown.data).some((id) => id.startsWith('v1:answer:'))) {
      this.#publicQuestions.push(pressable);
      if (this.#publicQuestions.length > 30) this.#publicQuestions.shift();
    }
  }

  #pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.#random() * items.length)]!;
  }

  #someone(): Origin {
    return this.#pick(this.#users);
  }

  #command(name: string, options: CommandOption[], origin = this.#someone()): PlannedInteraction {
    return { kind: 'command', origin, payload: slashCommand(name, options, origin, this.#options.applicationId) };
  }

  #normalCommand(): PlannedInteraction {
    const { questions, topicNames } = this.#options;
    const roll = this.#random();
    if (roll < 0.3) return this.#command('ask', [text('question', this.#pick(questions))]);
    if (roll < 0.45) return this.#command('explain', [text('topic', this.#pick(topicNames))]);
    if (roll < 0.5) return this.#command('topics', []);
    if (roll < 0.6) return this.#command('quiz', this.#random() < 0.5 ? [] : [text('topic', this.#pick(topicNames))]);
    if (roll < 0.75) return this.#command('quiz', [text('mode', 'mcq'), ...(this.#random() < 0.5 ? [] : [text('topic', this.#pick(topicNames))])]);
    if (roll < 0.83) return this.#command('review', []);
    if (roll < 0.89) return this.#command('stats', []);
    if (roll < 0.95) {
      const name = this.#pick(DIAGRAM_NAMES);
      return this.#command('diagram', name ? [text('name', name)] : []);
    }
    return this.#random() < 0.5 ? this.#command('help', []) : this.#command('leaderboard', []);
  }

  /** A command with a hostile value in one of its string options. */
  #hostileOption(): PlannedInteraction {
    const target = this.#pick(STRING_OPTIONS);
    const [, value] = this.#pick(HOSTILE_INPUTS);
    const planned = this.#command(target.command, [...(target.with ?? []), text(target.option, value)]);
    return { ...planned, kind: 'hostile option' };
  }

  /** Someone typing into an option with autocomplete: a prefix of a real value, or a hostile one. */
  #typing(): PlannedInteraction {
    const target = this.#pick(STRING_OPTIONS.filter((o) => o.autocomplete));
    const real = target.option === 'question' ? this.#pick(this.#options.questions) : this.#pick(this.#options.topicNames);
    const typed = this.#random() < 0.8 ? real.slice(0, 1 + Math.floor(this.#random() * real.length)) : this.#pick(HOSTILE_INPUTS)[1];
    const origin = this.#someone();
    return { kind: 'autocomplete', origin, payload: autocomplete(target.command, [...(target.with ?? []), text(target.option, typed, true)], origin, this.#options.applicationId) };
  }

  /** A 6,000-character paste into an option with autocomplete (Discord sends one on each edit). */
  #longPaste(): PlannedInteraction {
    const target = this.#pick(STRING_OPTIONS.filter((o) => o.autocomplete));
    const seedText = `${this.#pick(this.#options.questions)} `;
    const paste = seedText.repeat(Math.ceil(PASTE_LENGTH / seedText.length)).slice(0, PASTE_LENGTH);
    const origin = this.#someone();
    return { kind: 'long paste', origin, payload: autocomplete(target.command, [...(target.with ?? []), text(target.option, paste, true)], origin, this.#options.applicationId) };
  }

  /** A button from a message the bot showed this person (or a public question), pressed by them. */
  #realButton(): PlannedInteraction {
    const origin = this.#someone();
    const own = this.#shown.get(origin.user.id) ?? [];
    const on = own.length > 0 && this.#random() < 0.8 ? this.#pick(own) : this.#publicQuestions.length > 0 ? this.#pick(this.#publicQuestions) : undefined;
    if (!on) return this.#normalCommand();
    return { kind: 'real button', origin, payload: this.#press(on, this.#pick(buttonIdsOf(on.data)), origin) };
  }

  /** A forged or malformed button id, or someone else's card button, on a real message when there is one. */
  #forgedButton(): PlannedInteraction {
    const origin = this.#someone();
    const others = [...this.#shown.values()].flat().filter((m) => m.owner.user.id !== origin.user.id && (m.flags & 64) !== 0);
    if (others.length > 0 && this.#random() < 0.2) {
      // Someone else's flash card: personal, so the press must be refused.
      const theirs = this.#pick(others);
      return { kind: 'forged button', origin, payload: this.#press(theirs, this.#pick(buttonIdsOf(theirs.data)), origin) };
    }
    const on = this.#shown.get(origin.user.id)?.at(-1) ?? this.#publicQuestions.at(-1);
    const id = this.#pick(FORGED_IDS);
    const message = on
      ? on.message
      : postedMessage({ embeds: [], components: [] }, origin, this.#options.applicationId, '1');
    return { kind: 'forged button', origin, payload: buttonPress(id, message, origin, this.#options.applicationId) };
  }

  /**
   * Several people pressing the same answer of one public question at once, one of them twice: each must get
   * their own feedback, and the double press must count once.
   */
  #concurrentPresses(): PlannedInteraction[] {
    if (this.#publicQuestions.length === 0) return [this.#command('quiz', [text('mode', 'mcq')], this.#pick(this.#users.filter((u) => u.guildId)))];
    const on = this.#pick(this.#publicQuestions);
    const answer = this.#pick(buttonIdsOf(on.data).filter((id) => id.startsWith('v1:answer:')));
    const pressers = new Map<string, Origin>();
    const wanted = 3 + Math.floor(this.#random() * 3);
    for (let tries = 0; pressers.size < wanted && tries < 50; tries++) {
      const who = this.#someone();
      if (who.guildId) pressers.set(who.user.id, who);
    }
    const group = ++this.#groups;
    const presses = [...pressers.values()].map((who) => ({ kind: 'concurrent press' as const, origin: who, payload: this.#press(on, answer, who), group: { id: group, repeat: false } }));
    const twice = presses[0]!;
    return [...presses, { ...twice, payload: this.#press(on, answer, twice.origin), group: { id: group, repeat: true } }];
  }

  #press(on: Pressable, customId: string, by: Origin): Record<string, unknown> {
    return buttonPress(customId, on.message, by, this.#options.applicationId);
  }
}

/** The custom ids of a message's buttons. */
export function buttonIdsOf(data: Record<string, unknown>): string[] {
  const rows = (data['components'] ?? []) as Array<{ components?: Array<{ custom_id?: string }> }>;
  return rows.flatMap((row) => row.components ?? []).flatMap((c) => (c.custom_id ? [c.custom_id] : []));
}
