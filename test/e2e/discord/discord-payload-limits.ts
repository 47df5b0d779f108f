/**
 * Discord's documented limits, written out here independently of the bot's own copy, and checked against every
 * payload the fake receives. Returns the broken ones, so a failing test names them.
 */
export function discordPayloadProblems(method: string, path: string, body: unknown): string[] {
  const unprintable = check(!UNPRINTABLE.test(JSON.stringify(body ?? null)), `control characters or lone surrogates in ${method} ${path}`);
  if (/^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) return [...unprintable, ...callbackProblems(body as Callback)];
  if (/^\/webhooks\/\d+\/[^/]+/.test(path) && (method === 'POST' || method === 'PATCH')) return [...unprintable, ...messageProblems(body as Message)];
  if (/^\/channels\/\d+\/messages(\/\d+)?$/.test(path) && (method === 'POST' || method === 'PATCH')) {
    return [...unprintable, ...messageProblems(body as Message, method === 'POST')];
  }
  if (/\/commands$/.test(path) && method === 'PUT') return [...unprintable, ...(body as Command[]).flatMap(commandProblems)];
  return unprintable;
}

/**
 * What no payload should carry, as JSON text: C0 controls other than tab and line breaks (JSON escapes them as
 * `\u0000`…`\u001f`), DEL and C1 controls, and lone surrogates (JSON.stringify writes them as `\udXXX` escapes).
 */
const UNPRINTABLE = /\\u00(?:0[0-8bcef]|1[0-9a-f])|[\u007f-\u009f]|\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f])|(?<!\\ud[89ab][0-9a-f]{2})\\ud[c-f][0-9a-f]{2}/i;

interface Callback {
  type: number;
  data?: Message & { choices?: Array<{ name: string; value: string }> };
}
interface Message {
  content?: string;
  embeds?: Embed[];
  components?: Array<{ type: number; components: Array<{ type: number; custom_id?: string; label?: string; style?: number }> }>;
  allowed_mentions?: { parse?: string[]; users?: string[]; roles?: string[] };
  attachments?: Array<{ description?: string }>;
}
interface Embed {
  title?: string;
  description?: string;
  fields?: Array<{ name: string; value: string }>;
  footer?: { text: string };
  author?: { name: string };
}
interface Command {
  name: string;
  description: string;
  options?: Array<{ name: string; description: string; required?: boolean; autocomplete?: boolean; choices?: Array<{ name: string; value: string }> }>;
}

function callbackProblems({ type, data }: Callback): string[] {
  if (type === 4 || type === 7) return messageProblems(data ?? {});
  if (type === 9) {
    const modal = data as unknown as { title: string; components: Array<{ components: Array<{ label: string; max_length?: number }> }> };
    const inputs = modal.components.flatMap((row) => row.components);
    return [
      ...check(modal.title.length >= 1 && modal.title.length <= 45, `modal title of ${modal.title.length} characters`),
      ...inputs.flatMap((input) => [...check(input.label.length <= 45, `text input label of ${input.label.length}`), ...check((input.max_length ?? 4000) <= 4000, `text input max_length ${input.max_length}`)]),
    ];
  }
  if (type === 8) {
    const choices = data?.choices ?? [];
    return [
      ...check(choices.length <= 25, `${choices.length} autocomplete choices (at most 25)`),
      ...choices.flatMap((c) => [
        ...check(c.name.length >= 1 && c.name.length <= 100, `choice name of ${c.name.length} characters`),
        ...check(c.value.length >= 1 && c.value.length <= 100, `choice value of ${c.value.length} characters`),
      ]),
    ];
  }
  return check([1, 5, 6, 8, 9].includes(type), `unknown callback type ${type}`);
}

/**
 * Every message rules out every ping, except that a new channel message (a daily post) may ping the one role it
 * mentions, and nothing else: `allowed_mentions: { parse: [], roles: [id] }` with `<@&id>` as its content.
 */
function messageProblems(message: Message | undefined, mayPingItsRole = false): string[] {
  if (typeof message !== 'object' || message === null) return ['no JSON body'];
  const mentions = message.allowed_mentions;
  const roles = mentions?.roles ?? [];
  const oneRole = mayPingItsRole && roles.length === 1 && message.content === `<@&${roles[0]}>`;
  return [
    ...check(
      mentions !== undefined && (mentions.parse ?? []).length === 0 && !mentions.users?.length && (roles.length === 0 || oneRole),
      'allowed_mentions does not rule out every ping',
    ),
    ...check((message.content ?? '').length <= 2000, 'content over 2000'),
    ...check((message.embeds ?? []).length <= 10, 'more than 10 embeds'),
    ...(message.embeds ?? []).flatMap(embedProblems),
    ...check((message.components ?? []).length <= 5, 'more than 5 rows of components'),
    ...(message.components ?? []).flatMap((row) => [
      ...check(row.type === 1 && row.components.length >= 1 && row.components.length <= 5, `a row of ${row.components.length} components`),
      ...row.components.flatMap((b) => [
        ...check((b.custom_id ?? '').length >= 1 && (b.custom_id ?? '').length <= 100, `custom_id of ${(b.custom_id ?? '').length} characters`),
        ...check((b.label ?? '').length <= 80, `button label over 80: ${b.label}`),
        ...check(b.type === 2 && [1, 2, 3, 4].includes(b.style ?? 0), `not a button with a custom id: ${JSON.stringify(b)}`),
      ]),
    ]),
    ...(message.attachments ?? []).flatMap((a) => check((a.description ?? '').length <= 1024, 'attachment description over 1024')),
  ];
}

function embedProblems(embed: Embed): string[] {
  const fields = embed.fields ?? [];
  const total =
    (embed.title ?? '').length +
    (embed.description ?? '').length +
    (embed.footer?.text ?? '').length +
    (embed.author?.name ?? '').length +
    fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
  return [
    ...check((embed.title ?? '').length <= 256, 'embed title over 256'),
    ...check((embed.description ?? '').length <= 4096, 'embed description over 4096'),
    ...check(fields.length <= 25, 'more than 25 embed fields'),
    ...fields.flatMap((f) => [
      ...check(f.name.length >= 1 && f.name.length <= 256, `field name of ${f.name.length} characters`),
      ...check(f.value.length >= 1 && f.value.length <= 1024, `field value of ${f.value.length} characters`),
    ]),
    ...check((embed.footer?.text ?? '').length <= 2048, 'embed footer over 2048'),
    ...check(total <= 6000, `embed of ${total} characters (at most 6000)`),
  ];
}

function commandProblems(command: Command): string[] {
  const name = /^[-_\p{Ll}\p{N}]{1,32}$/u;
  const options = command.options ?? [];
  const firstOptional = options.findIndex((o) => !o.required);
  return [
    ...check(name.test(command.name), `command name ${command.name}`),
    ...check(command.description.length >= 1 && command.description.length <= 100, `/${command.name} description of ${command.description.length} characters`),
    ...check(options.length <= 25, `/${command.name} has more than 25 options`),
    ...check(firstOptional === -1 || options.slice(firstOptional).every((o) => !o.required), `/${command.name} has a required option after an optional one`),
    ...options.flatMap((o) => [
      ...check(name.test(o.name), `/${command.name} option name ${o.name}`),
      ...check(o.description.length >= 1 && o.description.length <= 100, `/${command.name} ${o.name} description of ${o.description.length} characters`),
      ...check((o.choices ?? []).length <= 25, `/${command.name} ${o.name} has more than 25 choices`),
      ...check(!(o.autocomplete && o.choices), `/${command.name} ${o.name} has both choices and autocomplete`),
    ]),
  ];
}

const check = (ok: boolean, problem: string): string[] => (ok ? [] : [problem]);
