import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hrtime } from 'node:process';
import { WebSocketServer, type WebSocket } from 'ws';
import { blockProblems, modalProblems, unescapedProblems } from './slack-payload-limits.ts';

/** One call the bot made: a Web API method, a `response_url` POST, or a file's bytes. */
export interface SlackCall {
  /** `chat.postMessage`, `respond`, `upload`, … */
  method: string;
  /** The form fields (objects JSON-decoded) or the JSON body. */
  params: Record<string, unknown>;
  headers: IncomingHttpHeaders;
  /** `process.hrtime.bigint()` when the request arrived. */
  receivedAt: bigint;
  /** Bytes, for `upload`. */
  bytes?: Uint8Array;
}

/**
 * A canned answer for the next call of a method: an HTTP status (429 with `retryAfter`), a Slack error, or
 * `lose`: the call takes effect but its answer never arrives (the connection is cut), as after a timeout.
 */
export type SlackStub = { status: 429; retryAfter: number } | { error: string; needed?: string } | { lose: true };

/** The fake's answers about the bot, as Slack's `auth.test` gives them. */
export const BOT = { userId: 'UBOT', botId: 'BBOT', teamId: 'T1', team: 'Test Workspace', user: 'stevedore' } as const;
/** A channel the bot is not a member of: posting and uploading there answer `not_in_channel`. */
export const CHANNEL_WITHOUT_BOT = 'CNOTIN';
/** Workspace admins and owners, as `users.info` reports them (`is_admin`, `is_owner`). */
export const ADMIN = 'UADMIN';
export const OWNER = 'UOWNER';

/** A message the bot posted in a channel, with every version `chat.update` gave it (the first is the post). */
export interface PostedMessage {
  channel: string;
  ts: string;
  versions: Record<string, unknown>[];
}

/**
 * Slack on 127.0.0.1, as much of it as the bot uses: the Web API methods it calls, `response_url`s, file
 * uploads and the Socket Mode WebSocket (`apps.connections.open`, hello, envelopes and acks). It records every
 * call and checks every payload against Slack's limits and for text that could form a control sequence,
 * answering `invalid_blocks` like Slack when one does not fit.
 */
export class FakeSlack {
  readonly calls: SlackCall[] = [];
  /** Problems found in the bot's payloads; a test expects none. */
  readonly problems: string[] = [];
  /** Envelope acks the bot sent over the socket, by envelope id. */
  readonly acks = new Map<string, unknown>();
  /** How many Socket Mode connections were opened. */
  connections = 0;
  /** Messages the bot posted in conversations, by `ts`. */
  readonly messages = new Map<string, PostedMessage>();
  /** Channels the bot is no longer a member of (beside `CHANNEL_WITHOUT_BOT`). */
  readonly channelsWithoutBot = new Set<string>([CHANNEL_WITHOUT_BOT]);
  /** Workspace admins and owners, by user id. */
  readonly admins = new Set<string>([ADMIN, OWNER]);
  /** The workspace's user groups, as `usergroups.list` lists them. */
  readonly userGroups: { id: string; handle: string; name: string }[] = [{ id: 'SSTUDY01', handle: 'docker-study', name: 'Docker study' }];
  /** Display names `users.info` gives, by user id; `Ada` for anyone else. */
  readonly displayNames = new Map<string, string>();
  readonly #server: Server;
  readonly #sockets = new WebSocketServer({ noServer: true });
  readonly #stubs = new Map<string, SlackStub[]>();
  readonly #matchedStubs: { method: string; match: (params: Record<string, unknown>) => boolean; answer: SlackStub }[] = [];
  readonly #waiters = new Set<() => void>();
  readonly #rejected = new Set<string>();
  #revoked = false;
  #ts = 1_700_000_000;
  #envelopes = 0;

  private constructor(server: Server) {
    this.#server = server;
    server.on('request', (req, res) => void this.#handle(req, res));
    server.on('upgrade', (req, socket, head) => {
      if (!req.url?.startsWith('/socket')) return socket.destroy();
      this.#sockets.handleUpgrade(req, socket, head, (ws) => this.#sockets.emit('connection', ws));
    });
    this.#sockets.on('connection', (ws: WebSocket) => {
      this.connections += 1;
      ws.on('message', (data) => {
        const ack = JSON.parse(String(data)) as { envelope_id: string; payload?: unknown };
        this.acks.set(ack.envelope_id, ack.payload ?? {});
        this.#notify();
      });
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A1' } }));
      this.#notify();
    });
  }

  static async start(): Promise<FakeSlack> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new FakeSlack(server);
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  /** What `SLACK_API_URL` is set to. */
  get apiUrl(): string {
    return `${this.origin}/api/`;
  }

  /** A `response_url` for one slash command or button press. */
  responseUrl(id: string): string {
    return `${this.origin}/response/${id}`;
  }

  /** Answers `invalid_auth` to calls made with this token. */
  rejectToken(token: string): void {
    this.#rejected.add(token);
  }

  /** From now on every call answers `token_revoked`, as after the app was uninstalled. */
  revokeTokens(): void {
    this.#revoked = true;
  }

  /** The next call(s) of `method` get these answers, one each, before the normal one. */
  stub(method: string, ...answers: SlackStub[]): void {
    this.#stubs.set(method, [...(this.#stubs.get(method) ?? []), ...answers]);
  }

  /** The next call of `method` whose params match gets this answer, before the normal one (calls that do not match are unaffected). */
  stubFor(method: string, match: (params: Record<string, unknown>) => boolean, answer: SlackStub): void {
    this.#matchedStubs.push({ method, match, answer });
  }

  /** The messages the bot posted in a channel, oldest first. */
  messagesIn(channel: string): PostedMessage[] {
    return [...this.messages.values()].filter((m) => m.channel === channel);
  }

  /** The calls of one method, in order. */
  callsOf(method: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves with the first call (counting those already made) that matches, or rejects after `timeoutMs`. */
  waitFor(match: (call: SlackCall) => boolean, timeoutMs = 10_000): Promise<SlackCall> {
    return this.#until(() => this.calls.find(match), timeoutMs, 'a matching call');
  }

  /** Sends a Socket Mode envelope on the open connection and resolves with the bot's ack payload. */
  async sendEnvelope(type: 'events_api' | 'slash_commands' | 'interactive', payload: Record<string, unknown>, retryAttempt = 0): Promise<unknown> {
    const envelopeId = `env-${++this.#envelopes}`;
    const socket = await this.#until(() => [...this.#sockets.clients].find((c) => c.readyState === c.OPEN), 10_000, 'an open socket');
    socket.send(JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: type !== 'events_api', retry_attempt: retryAttempt, retry_reason: retryAttempt ? 'timeout' : '' }));
    return this.#until(() => (this.acks.has(envelopeId) ? this.acks.get(envelopeId) : undefined), 10_000, `the ack of ${envelopeId}`);
  }

  /** Closes every Socket Mode connection from Slack's side, as when Slack recycles a server. */
  dropSockets(): void {
    for (const socket of this.#sockets.clients) socket.terminate();
  }

  /** Resolves once `count` Socket Mode connections have been opened in all. */
  connected(count: number): Promise<true> {
    return this.#until(() => (this.connections >= count && [...this.#sockets.clients].some((c) => c.readyState === c.OPEN) ? true : undefined), 30_000, `connection ${count}`);
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets.clients) socket.terminate();
    this.#sockets.close();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #until<T>(found: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    const now = found();
    if (now !== undefined) return Promise.resolve(now);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters.delete(check);
        reject(new Error(`fake Slack: no ${what} within ${timeoutMs} ms; calls so far: ${this.calls.map((c) => c.method).join(', ')}`));
      }, timeoutMs);
      const check = () => {
        const value = found();
        if (value === undefined) return;
        clearTimeout(timer);
        this.#waiters.delete(check);
        resolve(value);
      };
      this.#waiters.add(check);
    });
  }

  #notify(): void {
    for (const waiter of [...this.#waiters]) waiter();
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const receivedAt = hrtime.bigint();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', this.origin);
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
      this.#notify();
    };

    if (url.pathname.startsWith('/upload/')) {
      this.calls.push({ method: 'upload', params: { fileId: url.pathname.slice(8) }, headers: req.headers, receivedAt, bytes: await uploadedBytes(req.headers, raw) });
      res.writeHead(200).end('OK');
      return this.#notify();
    }
    if (url.pathname.startsWith('/response/')) {
      const params = JSON.parse(raw.toString()) as Record<string, unknown>;
      this.#check('respond', params);
      this.calls.push({ method: 'respond', params: { ...params, responseId: url.pathname.slice(10) }, headers: req.headers, receivedAt });
      return reply(200, { ok: true });
    }
    const method = url.pathname.replace(/^\/api\//, '');
    const params = parseParams(req.headers['content-type'] ?? '', raw);
    this.calls.push({ method, params, headers: req.headers, receivedAt });

    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    if (this.#rejected.has(token)) return reply(200, { ok: false, error: 'invalid_auth' });
    if (this.#revoked) return reply(200, { ok: false, error: 'token_revoked' });
    const matched = this.#matchedStubs.findIndex((m) => m.method === method && m.match(params));
    const stub = matched >= 0 ? this.#matchedStubs.splice(matched, 1)[0]!.answer : this.#stubs.get(method)?.shift();
    if (stub && 'status' in stub) return reply(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(stub.retryAfter) });
    if (stub && 'lose' in stub) {
      this.#answer(method, params);
      res.destroy();
      return this.#notify();
    }
    if (stub) return reply(200, { ok: false, error: stub.error, ...(stub.needed ? { needed: stub.needed, provided: 'chat:write' } : {}) });
    const problems = this.#check(method, params);
    if (problems.length > 0) return reply(200, { ok: false, error: 'invalid_blocks', errors: problems });
    reply(200, this.#answer(method, params));
  }

  /** Checks a payload's blocks and text; records and returns the problems. */
  #check(method: string, params: Record<string, unknown>): string[] {
    const problems: string[] = [];
    // A new message may mention one of the workspace's user groups (a daily post's ping); nothing else may.
    const allowed = method === 'chat.postMessage' ? this.userGroups.map((g) => `<!subteam^${g.id}>`) : [];
    if (params['blocks'] !== undefined) problems.push(...blockProblems(params['blocks'], 'message', allowed));
    if (typeof params['text'] === 'string') problems.push(...unescapedProblems(params['text'], allowed));
    if (typeof params['text'] === 'string' && params['text'].length > 40_000) problems.push('text over 40,000 characters');
    if ((method === 'chat.postMessage' || method === 'chat.update') && !params['channel']) problems.push('no channel');
    if (method === 'chat.update' && !params['ts']) problems.push('chat.update without ts');
    if (method === 'views.publish') problems.push(...blockProblems((params['view'] as { blocks: unknown }).blocks, 'home'));
    if (method === 'views.open') problems.push(...modalProblems(params['view']));
    if (typeof params['initial_comment'] === 'string') problems.push(...unescapedProblems(params['initial_comment']));
    this.problems.push(...problems.map((p) => `${method}: ${p}`));
    return problems;
  }

  #answer(method: string, params: Record<string, unknown>): Record<string, unknown> {
    const channel = String(params['channel'] ?? params['channel_id'] ?? '');
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: BOT.userId, bot_id: BOT.botId, team_id: BOT.teamId, team: BOT.team, user: BOT.user, url: 'https://test.slack.com/' };
      case 'apps.connections.open':
        return { ok: true, url: `${this.origin.replace('http', 'ws')}/socket` };
      case 'users.info': {
        const user = String(params['user']);
        const rights = { is_admin: this.admins.has(user) && user !== OWNER, is_owner: user === OWNER, is_primary_owner: false };
        return { ok: true, user: { id: user, name: 'ada', tz: 'Europe/Paris', ...rights, profile: { display_name: this.displayNames.get(user) ?? 'Ada', real_name: 'Ada Lovelace' } } };
      }
      case 'chat.postMessage': {
        if (this.channelsWithoutBot.has(channel)) return { ok: false, error: 'not_in_channel' };
        // A user id as the channel posts in the DM with the app (its Messages tab).
        const at = channel.startsWith('U') ? `D${channel.slice(1)}` : channel;
        const ts = this.#nextTs();
        this.messages.set(ts, { channel: at, ts, versions: [params] });
        return { ok: true, channel: at, ts, message: { text: params['text'] } };
      }
      case 'chat.update': {
        const message = this.messages.get(String(params['ts']));
        if (!message || message.channel !== channel) return { ok: false, error: 'message_not_found' };
        message.versions.push(params);
        return { ok: true, channel, ts: message.ts, text: params['text'] };
      }
      case 'conversations.info':
        if (channel.startsWith('D')) return { ok: true, channel: { id: channel, is_im: true } };
        // A private channel the bot is not in does not exist for it.
        if (channel.startsWith('G') && this.channelsWithoutBot.has(channel)) return { ok: false, error: 'channel_not_found' };
        return { ok: true, channel: { id: channel, name: 'study', is_channel: true, is_member: !this.channelsWithoutBot.has(channel) } };
      case 'usergroups.list':
        return { ok: true, usergroups: this.userGroups.map((g) => ({ ...g, date_delete: 0, is_usergroup: true })) };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: this.#nextTs() };
      case 'views.publish':
        return { ok: true, view: { id: 'V1', type: 'home' } };
      case 'views.open':
        if (!String(params['trigger_id'] ?? '').startsWith('trigger-')) return { ok: false, error: 'invalid_trigger_id' };
        return { ok: true, view: { id: 'VMODAL', type: 'modal', callback_id: (params['view'] as { callback_id?: string }).callback_id } };
      case 'conversations.open':
        // The DM of the bot with that person: D followed by the user id's tail, as chat.postMessage to a user id.
        return { ok: true, channel: { id: `D${String(params['users']).slice(1)}` } };
      case 'files.getUploadURLExternal':
        return { ok: true, upload_url: `${this.origin}/upload/F${this.#ts}`, file_id: `F${this.#nextTs()}` };
      case 'files.completeUploadExternal':
        if (this.channelsWithoutBot.has(channel)) return { ok: false, error: 'not_in_channel' };
        return { ok: true, files: typeof params['files'] === 'string' ? (JSON.parse(params['files']) as unknown[]) : params['files'] };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  #nextTs(): string {
    return `${++this.#ts}.000100`;
  }
}

/** The file's bytes: the Web API client sends them as the one part of a multipart form. */
async function uploadedBytes(headers: IncomingHttpHeaders, raw: Buffer): Promise<Uint8Array> {
  if (!String(headers['content-type']).startsWith('multipart/form-data')) return new Uint8Array(raw);
  const form = await new Response(raw, { headers: { 'content-type': String(headers['content-type']) } }).formData();
  const file = [...form.values()].find((v) => typeof v !== 'string');
  return new Uint8Array(file && typeof file !== 'string' ? await file.arrayBuffer() : []);
}

function parseParams(contentType: string, raw: Buffer): Record<string, unknown> {
  if (contentType.includes('application/json')) return JSON.parse(raw.toString()) as Record<string, unknown>;
  const params: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw.toString())) {
    params[key] = /^[[{]/.test(value) ? tryJson(value) : value;
  }
  return params;
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
