import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { startHarness, T0, type Harness } from './discord-harness.ts';
import { timeZoneOffsets } from '../../../src/quiz/index.ts';
import { inDm, inServer, MANAGER_PERMISSIONS, text, user, type Origin } from './interaction-payloads.ts';
import { TEST_PNG } from './test-commands.ts';
import { couldPing, HOSTILE_INPUTS } from '../../fixtures/hostile-inputs.ts';

// Discord's colours, as the embeds carry them.
const BLURPLE = 0x5865f2;
const GREYPLE = 0x99aab5;
const RED = 0xed4245;
const EPHEMERAL = 64;
const NO_PINGS = { parse: [] };

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.stop());
afterEach(() => {
  // Every payload the fake received fitted Discord's limits (it answers 400 otherwise, as Discord does).
  expect(harness.fake.payloadProblems).toEqual([]);
});

const ada = inServer(user('1300000000000000001', 'ada', 'Ada L.'));
const bob = inServer(user('1300000000000000002', 'bob'));
const carol = inDm(user('1300000000000000003', 'carol', 'Carol'));
const moderator = inServer(user('1300000000000000004', 'mod'), { permissions: MANAGER_PERMISSIONS });

/** Runs a slash command and returns the message it showed. */
async function run(name: string, options: Parameters<Harness['command']>[1] = [], origin: Origin = ada) {
  return (await harness.command(name, options, origin)).answer();
}
type Embed = { title?: string; description?: string; color: number; fields?: Array<{ name: string; value: string; inline?: boolean }>; footer?: { text: string } };
const embedOf = (data: Record<string, unknown>) => (data['embeds'] as Embed[])[0]!;
const buttonsOf = (data: Record<string, unknown>) =>
  (data['components'] as Array<{ components: Array<{ label: string; custom_id: string; style: number }> }>).map((row) => row.components);

describe('slash commands through the real discord.js client', () => {
  test('GIVEN start-up THEN the bot identifies with the Guilds intent only, no privileged intent', () => {
    expect(harness.fake.identifies).toHaveLength(1);
    expect(harness.fake.identifies[0]).toMatchObject({ intents: 1, shard: [0, 1] });
  });

  test('GIVEN /help THEN the callback is exactly one embed listing the commands, no buttons and no pings', async () => {
    const { callback } = await harness.command('help', [], ada);
    expect(callback.headers.authorization).toBeUndefined();
    expect(callback.body).toEqual({
      type: 4,
      data: {
        tts: false,
        enforce_nonce: false,
        embeds: [
          {
            color: GREYPLE,
            title: 'Stevedore: your Docker study companion',
            description: [
              'Ask me anything about Docker concepts in your own words (I speak English), or use a command:',
              '- `/ask <question>`: Ask a question about Docker in your own words',
              '- `/explain <topic>`: Explain one Docker topic by name',
              '- `/explain-command <command>`: Explain a docker command flag by flag, with warnings',
              '- `/explain-dockerfile <dockerfile>`: Explain a Dockerfile line by line: layers, cache, final image, and what to fix',
              '- `/topics`: List every topic I can explain',
              '- `/quiz [mode] [topic]`: Quiz yourself: a flash card, or a multiple-choice question with mode:mcq',
              '- `/review`: Review your flash cards that are due, most overdue first, then a few new ones',
              '- `/stats`: Your progress: cards learned and due, accuracy and your study streak',
              '- `/leaderboard [period]`: The top learners here: points for cards recalled and quiz answers right',
              '- `/settings [time-zone] [new-cards] [reminders] [reminder-time]`: Your time zone, new cards a day and daily reminders by DM; with nothing given, shows them',
              '- `/undo`: Undo your last flash-card grade, within 10 minutes (asks first)',
              "- `/reset <topic>`: Start one topic's flash cards over, as new cards (asks first)",
              '- `/daily [action] [time] [timezone] [weekdays] [topics] [role] [reveal_after]`: A daily quiz question in this channel at a local time: status, set, off, now or reveal',
              '- `/diagram [name]`: Draw a diagram: image vs container, layers, VM vs container, lifecycle, build to run',
              '- `/forget-me`: Delete everything stored about you: progress, answers, questions and votes (asks first)',
              '- `/help [command]`: Show what I can do, or how to use one command',
            ].join('\n'),
            footer: { text: 'Type /help <command> for details.' },
          },
        ],
        components: [],
        allowed_mentions: NO_PINGS,
        attachments: [],
      },
    });
  });

  test('GIVEN /ask with a Docker question THEN a public answer embed with its commands, study, vote and related buttons', async () => {
    const { callback } = await harness.command('ask', [text('question', 'image vs container?')], ada);
    const topic = harness.app.services.knowledge.get('image-vs-container')!;
    const related = harness.app.services.engine.answer('image vs container?').suggestions;
    expect(callback.body).toEqual({
      type: 4,
      data: {
        tts: false,
        enforce_nonce: false,
        embeds: [
          {
            color: BLURPLE,
            title: 'Image vs container',
            description: topic.body,
            fields: [{ name: 'Commands', value: topic.commands.map((c) => `\`${c}\``).join('\n') }],
          },
        ],
        components: [
          {
            type: 1,
            components: [
              { type: 2, custom_id: 'v1:quiz:cards:image-vs-container', label: 'Quiz me on this', style: 1 },
              { type: 2, custom_id: 'v1:diagram:image-vs-container', label: 'Show diagram', style: 2 },
              { type: 2, custom_id: expect.stringMatching(/^v1:vote:up:id\d{8}$/), label: '👍 Helpful', style: 2 },
              { type: 2, custom_id: expect.stringMatching(/^v1:vote:down:id\d{8}$/), label: '👎 Not helpful', style: 2 },
            ],
          },
          { type: 1, components: related.map((t) => ({ type: 2, custom_id: `v1:explain:${t.id}`, label: t.title, style: 2 })) },
        ],
        allowed_mentions: NO_PINGS,
        attachments: [],
      },
    });
  });

  test('GIVEN a question that tries to ping everyone THEN nothing in the reply can ping', async () => {
    const shown = await run('ask', [text('question', '@everyone <@&1400000000000000001> best pizza in town?')]);
    expect(shown.data['allowed_mentions']).toEqual(NO_PINGS);
    expect(JSON.stringify(shown.data)).not.toMatch(/@everyone|<@&/);
    expect(embedOf(shown.data).title).toBe("I don't have an answer for that");
  });

  test('GIVEN /explain, /topics and /help quiz THEN each answers publicly with its embed', async () => {
    const explain = embedOf((await run('explain', [text('topic', 'volumse')])).data);
    expect(explain).toMatchObject({ title: 'Volumes', color: BLURPLE });
    const topics = embedOf((await run('topics')).data);
    expect(topics.title).toBe(`${harness.app.services.knowledge.size} Docker topics`);
    for (const t of harness.app.services.knowledge.topics) expect(topics.description).toContain(t.title);
    const help = embedOf((await run('help', [text('command', 'quiz')])).data);
    expect(help.title).toBe('/quiz [mode] [topic]');
    expect(help.fields?.map((f) => f.name)).toEqual(['mode (optional)', 'topic (optional)', 'Examples']);
  });

  test('GIVEN /quiz THEN a personal flash card: ephemeral, with a Reveal button', async () => {
    const shown = await run('quiz', [text('topic', 'volumes')]);
    expect(shown.flags).toBe(EPHEMERAL);
    expect(embedOf(shown.data).title).toBe('Flash card · Volumes');
    expect(buttonsOf(shown.data)).toEqual([[{ type: 2, custom_id: expect.stringMatching(/^v1:reveal:id\d{8}$/), label: 'Reveal answer', style: 1 }]]);
  });

  test('GIVEN /quiz mode:mcq THEN a public question with one button per letter', async () => {
    const shown = await run('quiz', [text('mode', 'mcq'), text('topic', 'image layers')]);
    expect(shown.flags).toBe(0);
    expect(embedOf(shown.data).title).toBe('Quiz · Image layers');
    expect(buttonsOf(shown.data)[0]!.map((b) => [b.label, b.style])).toEqual([['A', 1], ['B', 1], ['C', 1], ['D', 1]]);
  });

  test('GIVEN /review and /stats THEN personal views come back ephemeral', async () => {
    const review = await run('review', [], bob);
    expect(review.flags).toBe(EPHEMERAL);
    expect(embedOf(review.data).title).toMatch(/^Flash card · /);
    const stats = await run('stats', [], bob);
    expect(stats.flags).toBe(EPHEMERAL);
    expect(embedOf(stats.data)).toMatchObject({ title: 'Progress for bob', footer: { text: 'Days are counted in UTC.' } });
    expect(embedOf(stats.data).fields?.every((f) => f.inline === true)).toBe(true);
  });

  test('GIVEN a server nickname or a global display name THEN the bot calls people by it', async () => {
    const nicknamed = inServer(user('1300000000000000005', 'dave'), { nick: 'Dave the Whale' });
    expect(embedOf((await run('stats', [], nicknamed)).data).title).toBe('Progress for Dave the Whale');
    expect(embedOf((await run('stats', [], ada)).data).title).toBe('Progress for Ada L.');
  });

  test('GIVEN /leaderboard in a server THEN the ranking is public', async () => {
    const shown = await run('leaderboard', [text('period', 'all')]);
    expect(shown.flags).toBe(0);
    expect(embedOf(shown.data).title).toBe('Top learners: all time');
  });

  test('GIVEN an argument the core refuses THEN an ephemeral error with the usage', async () => {
    const shown = await run('explain', [text('topic', 'x'.repeat(101))]);
    expect(shown.flags).toBe(EPHEMERAL);
    expect(embedOf(shown.data)).toMatchObject({ color: RED, title: 'That did not work' });
  });
});

describe('direct messages', () => {
  test('GIVEN /ask in a DM with the bot THEN it answers there', async () => {
    const shown = await run('ask', [text('question', 'what is a volume')], carol);
    expect(embedOf(shown.data).title).toBe('Volumes');
    expect(embedOf((await run('stats', [], carol)).data).title).toBe('Progress for Carol');
  });

  test('GIVEN /leaderboard in a DM THEN it is refused: leaderboards belong to a server', async () => {
    const shown = await run('leaderboard', [], carol);
    expect(shown.flags).toBe(EPHEMERAL);
    expect(embedOf(shown.data)).toMatchObject({ color: RED, title: 'Only in a server' });
  });
});

describe('commands that change server settings', () => {
  test('GIVEN a member without Manage Server THEN the command is refused, ephemerally, and does not run', async () => {
    const shown = await run('server-settings', [], bob);
    expect(shown.flags).toBe(EPHEMERAL);
    expect(embedOf(shown.data)).toMatchObject({ color: RED, title: 'Only for server managers' });
  });

  test('GIVEN a member with Manage Server THEN it runs', async () => {
    expect(embedOf((await run('server-settings', [], moderator)).data).title).toBe('Saved');
  });

  test('GIVEN a DM THEN it is refused as needing a server', async () => {
    expect(embedOf((await run('server-settings', [], carol)).data).title).toBe('Only in a server');
  });
});

describe('an image reply', () => {
  test('GIVEN a slow command with a PNG THEN it is acknowledged first, then the PNG arrives as an attachment shown in the embed', async () => {
    const exchange = await harness.command('picture', [], ada);
    expect(exchange.callback.body).toEqual({ type: 5, data: { flags: 0 } });
    const shown = await exchange.answer();
    expect(shown.via.method).toBe('PATCH');
    expect(shown.via.path).toMatch(/^\/webhooks\/\d+\/[^/]+\/messages\/@original$/);
    expect(shown.via.headers['content-type']).toMatch(/^multipart\/form-data/);
    expect(shown.files).toEqual([{ field: 'files[0]', name: 'image-vs-container.png', contentType: 'image/png', bytes: new Uint8Array(TEST_PNG) }]);
    expect(Buffer.from(shown.files[0]!.bytes.subarray(0, 8)).toString('hex')).toBe('89504e470d0a1a0a');
    expect(shown.data).toMatchObject({
      embeds: [{ title: 'Image vs container', color: BLURPLE, image: { url: 'attachment://image-vs-container.png' } }],
      attachments: [{ id: '0', description: 'One image box with an arrow to a container box.' }],
      allowed_mentions: NO_PINGS,
    });
  });
});

describe('/diagram', () => {
  test('GIVEN /diagram with a name THEN acknowledged first, then the rendered PNG attached and shown in the embed', async () => {
    const exchange = await harness.command('diagram', [text('name', 'lifecycle')], ada);
    expect(exchange.callback.body).toEqual({ type: 5, data: { flags: 0 } });
    const shown = await exchange.answer();
    expect(shown.via.method).toBe('PATCH');
    expect(shown.files).toHaveLength(1);
    expect(shown.files[0]).toMatchObject({ field: 'files[0]', name: 'container-lifecycle.png', contentType: 'image/png' });
    expect(Buffer.from(shown.files[0]!.bytes.subarray(0, 8)).toString('hex')).toBe('89504e470d0a1a0a');
    expect(shown.data).toMatchObject({ embeds: [{ title: 'Container lifecycle', image: { url: 'attachment://container-lifecycle.png' } }] });
  });

  test('GIVEN /diagram alone THEN the list of diagrams with a button each', async () => {
    const shown = await run('diagram');
    expect(embedOf(shown.data).title).toBe('5 diagrams');
    expect(buttonsOf(shown.data)[0]).toHaveLength(5);
  });
});

describe('autocomplete', () => {
  const choicesOf = async (command: string, option: string, typed: string, others: Parameters<Harness['command']>[1] = []) => {
    const { callback } = await harness.autocomplete(command, [...others, text(option, typed, true)], ada);
    const body = callback.body as { type: number; data: { choices: Array<{ name: string; value: string }> } };
    expect(body.type).toBe(8);
    return body.data.choices;
  };

  test('GIVEN a topic being typed, typo and all THEN matching topics, named by title, valued by id', async () => {
    expect((await choicesOf('explain', 'topic', 'volum'))[0]).toEqual({ name: 'Volumes', value: 'volumes' });
    expect((await choicesOf('quiz', 'topic', 'imge layr', [text('mode', 'mcq')]))[0]).toEqual({ name: 'Image layers', value: 'image-layers' });
  });

  test('GIVEN nothing typed yet THEN at most 25 suggestions', async () => {
    expect(await choicesOf('explain', 'topic', '')).toHaveLength(25);
    expect(await choicesOf('ask', 'question', '')).toHaveLength(25);
  });

  test('GIVEN the start of a question THEN questions the knowledge base answers', async () => {
    const choices = await choicesOf('ask', 'question', 'why is my second build');
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.every((c) => c.name === c.value && c.value.length <= 100)).toBe(true);
    expect(choices.map((c) => c.value).join('\n')).toMatch(/build/i);
  });

  test('GIVEN a command name being typed THEN commands starting with it', async () => {
    expect(await choicesOf('help', 'command', 'qu')).toEqual([{ name: '/quiz: Quiz yourself: a flash card, or a multiple-choice question with mode:mcq', value: 'quiz' }]);
  });

  test('GIVEN a diagram name being typed THEN the diagrams matching every word, by title', async () => {
    expect(await choicesOf('diagram', 'name', 'vm cont')).toEqual([{ name: 'VM vs container', value: 'vm-vs-container' }]);
    expect(await choicesOf('diagram', 'name', '')).toHaveLength(5);
  });

  test('GIVEN a time zone being typed in /settings THEN IANA zones, and the chosen one is saved for the learner', async () => {
    expect((await choicesOf('settings', 'time-zone', 'paris'))[0]).toEqual({ name: 'Europe/Paris (UTC+01:00)', value: 'Europe/Paris' });
    const saved = await run('settings', [text('time-zone', 'Europe/Paris')]);
    expect(embedOf(saved.data).title).toBe('Settings saved');
    expect(embedOf((await run('stats')).data).footer).toEqual({ text: 'Days are counted in Europe/Paris.' });
  });
});

describe('time zone autocomplete, shared by /settings and /daily', () => {
  const choicesOf = async (command: string, option: string, typed: string) => {
    const { callback } = await harness.autocomplete(command, [text(option, typed, true)], ada);
    return (callback.body as { data: { choices: Array<{ name: string; value: string }> } }).data.choices;
  };

  test('GIVEN a city, an old name or an offset typed THEN both commands suggest the same IANA zones, at most 25', async () => {
    // The offset table is built in slices in the background; the search by offset waits for it here.
    await timeZoneOffsets.ready(T0);
    for (const [typed, zone] of [['berlin', 'Europe/Berlin'], ['kolkata', 'Asia/Kolkata'], ['calcutta', 'Asia/Kolkata'], ['+05:30', 'Asia/Kolkata'], ['UTC+2', 'Africa/Cairo'], ['+5:45', 'Asia/Kathmandu']] as const) {
      const inSettings = await choicesOf('settings', 'time-zone', typed);
      const inDaily = await choicesOf('daily', 'timezone', typed);
      expect(inDaily).toEqual(inSettings);
      expect(inSettings.length).toBeLessThanOrEqual(25);
      expect(inSettings.map((c) => c.value)).toContain(zone);
    }
    expect((await choicesOf('daily', 'timezone', 'kolkata'))[0]).toEqual({ name: 'Asia/Kolkata (UTC+05:30)', value: 'Asia/Kolkata' });
    expect(await choicesOf('daily', 'timezone', 'UTC+1')).toHaveLength(25);
  });
});

describe('hostile input in every option', () => {
  // The fake checks every payload for control characters, lone surrogates and pings (see discord-payload-limits.ts).
  const cases = HOSTILE_INPUTS.flatMap(([name, input]) => [
    [`${name} in /ask`, 'ask', 'question', input],
    [`${name} in /explain`, 'explain', 'topic', input],
    [`${name} in /help`, 'help', 'command', input],
    [`${name} in /diagram`, 'diagram', 'name', input],
  ] as const);

  test.each(cases)('GIVEN %s THEN a reply arrives that carries nothing unprintable and cannot ping', async (_name, command, option, input) => {
    const shown = await run(command, input.length > 0 ? [text(option, input)] : []);
    expect(JSON.stringify(shown.data).length).toBeGreaterThan(2);
    expect(couldPing(JSON.stringify(shown.data))).toBe(false);
  });

  test.each(HOSTILE_INPUTS)('GIVEN %s typed into autocomplete THEN the choices come back clean', async (_name, input) => {
    for (const [command, option] of [['ask', 'question'], ['explain', 'topic'], ['settings', 'time-zone'], ['daily', 'timezone']] as const) {
      const { callback } = await harness.autocomplete(command, [text(option, input, true)], ada);
      expect((callback.body as { type: number }).type).toBe(8);
    }
  });
});
