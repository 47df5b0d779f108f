import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hrtime } from 'node:process';
import { WebSocketServer, type WebSocket } from 'ws';
import { discordPayloadProblems } from './discord-payload-limits.ts';
import { FakeRateLimits, type FakeRateLimitOptions } from './fake-rate-limits.ts';
import { botMessage } from './interaction-payloads.ts';

/** One HTTP request the bot made, as the fake received it. */
export interface RecordedRequest {
  method: string;
  /** Under `/api/v10`, e.g. `/interactions/123/tok/callback`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The JSON body, or a multipart request's `payload_json`. */
  body: unknown;
  files: RecordedFile[];
  /** `process.hrtime.bigint()` when the request line arrived, before the body was read. */
  receivedAt: bigint;
  /** The status the fake answered. */
  status: number;
}

export interface RecordedFile {
  field: string;
  name: string;
  contentType: string;
  bytes: Uint8Array;
}

/** A canned answer for the next matching request(s), in place of the fake's normal one. */
export interface Stub {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Sent as it is (a file's text), instead of `body` as JSON. */
  raw?: string;
}

export interface FakeDiscordOptions {
  applicationId?: string;
  botUserId?: string;
  /**
   * Enforce Discord's window for an interaction's first response, in milliseconds: a callback that arrives later
   * than this after its INTERACTION_CREATE was dispatched (or for an interaction never dispatched) gets 404
   * `{ code: 10062, message: 'Unknown interaction' }`, as Discord answers, and is counted in `lateCallbacks`.
   * Discord's own window is `DISCORD_INTERACTION_WINDOW_MS`.
   *
   * @defaultValue undefined: no window, every callback is accepted
   */
  interactionWindowMs?: number;
  /**
   * Keep every request in `requests` (and let `waitForRequest` find past ones). A long benchmark turns this off and
   * listens with `onRequest`, so the fake's memory does not grow with every PNG the bot uploads.
   *
   * @defaultValue true
   */
  keepRequests?: boolean;
  /**
   * Called with each request once it has been answered.
   *
   * @defaultValue nothing
   */
  onRequest?: (request: RecordedRequest) => void;
  /**
   * The shard count `GET /gateway/bot` recommends. The fake counts as connected once every shard from 0 to
   * `shardCount - 1` has a session; each dispatch goes to the sessions whose shard owns it (see `dispatch`).
   *
   * @defaultValue 1
   */
  shardCount?: number;
  /**
   * Enforce Discord's REST rate limits (`fake-rate-limits.ts`): 50 requests a second per bot token, interaction
   * endpoints exempt, and per-channel buckets on channel messages, answering 429 with Discord's headers and body.
   *
   * @defaultValue undefined: no limits
   */
  rateLimits?: FakeRateLimitOptions;
  /**
   * Hold the answer to each channel message create this long after the message was created, as a slow network
   * would: a process killed meanwhile has posted a message it never heard about.
   *
   * @defaultValue 0
   */
  holdChannelPostsMs?: number;
}

/** Discord's window for an interaction's first response: 3 seconds. */
export const DISCORD_INTERACTION_WINDOW_MS = 3_000;

/** A callback the fake refused with 10062 because it came too late (or for an interaction it never dispatched). */
export interface LateCallback {
  interactionId: string;
  /** Milliseconds from dispatch to the callback's arrival; undefined when the interaction was never dispatched. */
  afterMs: number | undefined;
}

const HEARTBEAT_INTERVAL = 41_250;

/**
 * One gateway session: what an IDENTIFY started, for one shard. It outlives its WebSocket, so the bot can
 * resume it on a new connection.
 */
interface GatewaySession {
  id: string;
  /** `[shard_id, num_shards]` from the IDENTIFY (`[0, 1]` when it named none). */
  shard: [number, number];
  sequence: number;
  socket: WebSocket | undefined;
}

/** One dispatch as a session received it. */
export interface GatewayDelivery {
  type: string;
  /** The receiving session's `[shard_id, num_shards]`. */
  shard: [number, number];
  /** The dispatch's `id` field (an interaction's id), when it has one. */
  id: string | undefined;
}
/** How long the fake remembers an enforced nonce. Discord says "a few minutes"; the fake keeps five. */
export const NONCE_WINDOW_MS = 5 * 60_000;

/** A message the bot created in a channel, with every edit since. */
export interface ChannelMessage {
  id: string;
  channelId: string;
  /** The creating request's body, then each edit's. */
  bodies: Record<string, unknown>[];
  nonce?: string;
  createdAt: number;
}
const JSON_TYPE = { 'content-type': 'application/json' };

/**
 * Discord on 127.0.0.1, as much of it as the bot uses: the gateway (WebSocket: hello, identify, ready, resume,
 * heartbeats, dispatches) and the HTTP API (gateway info, interaction callbacks, webhook follow-ups and edits,
 * command publishing). It records every request and checks every payload against Discord's limits, answering
 * 400 like Discord when one does not fit.
 */
export class FakeDiscord {
  readonly applicationId: string;
  readonly botUserId: string;
  readonly requests: RecordedRequest[] = [];
  /** Limit problems found in the bot's payloads; a test expects none. */
  readonly payloadProblems: string[] = [];
  /** Gateway opcodes the bot sent, in order (2 identify, 6 resume), heartbeats left out. */
  readonly gatewayOps: number[] = [];
  /** The IDENTIFY payloads the bot sent. */
  readonly identifies: Array<Record<string, unknown>> = [];
  /** Every dispatch written to a session, with the session's shard: one entry per receiving session. */
  readonly deliveries: GatewayDelivery[] = [];
  /** The shard count `GET /gateway/bot` recommends (`shardCount`). */
  readonly shardCount: number;
  /** Published commands, by route. */
  readonly commands = new Map<string, unknown[]>();
  /** Callbacks refused because Discord's window had passed (only with `interactionWindowMs`). */
  readonly lateCallbacks: LateCallback[] = [];
  /** Messages created with `POST /channels/:id/messages`, by id. */
  readonly channelMessages = new Map<string, ChannelMessage>();
  /** Channels that answer 404 Unknown Channel (deleted). */
  readonly deletedChannels = new Set<string>();
  /** Channels that answer 403 Missing Access (the bot lost View Channel, or was removed). */
  readonly forbiddenChannels = new Set<string>();
  /** DM channels opened with `POST /users/@me/channels`: channel id by recipient's user id. */
  readonly dmChannels = new Map<string, string>();
  /** Users who do not accept direct messages from the bot: messages to their DM channel answer 403 code 50007. */
  readonly closedDms = new Set<string>();
  /** Creates answered with the message an earlier request with the same enforced nonce had created. */
  nonceReplays = 0;
  /** The rate limits, when enforced; their `counts` say how many 429s the fake sent. */
  readonly rateLimits: FakeRateLimits | undefined;

  readonly #http: Server;
  readonly #options: FakeDiscordOptions;
  /** When each INTERACTION_CREATE was written, by interaction id (only with `interactionWindowMs`). */
  readonly #dispatchedAt = new Map<string, bigint>();
  readonly #gateway = new WebSocketServer({ noServer: true });
  readonly #rejectedTokens = new Set<string>();
  readonly #messagesByChannel = new Map<string, ChannelMessage[]>();
  readonly #stubs: Array<{ method: string; path: RegExp; stub: Stub; remaining: number }> = [];
  readonly #waiters: Array<{ match: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void }> = [];
  /** Sessions by id, newest last; a session whose socket closed stays, for a resume. */
  readonly #sessions = new Map<string, GatewaySession>();
  #nextMessageId = 1n;
  #readySeen: Array<() => void> = [];

  private constructor(http: Server, options: FakeDiscordOptions) {
    this.#http = http;
    this.#options = options;
    this.applicationId = options.applicationId ?? '1000000000000000001';
    this.botUserId = options.botUserId ?? '1000000000000000002';
    this.shardCount = options.shardCount ?? 1;
    this.rateLimits = options.rateLimits ? new FakeRateLimits(options.rateLimits) : undefined;
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const http = createServer();
    const fake = new FakeDiscord(http, options);
    http.on('request', (req, res) => void fake.#onRequest(req, res));
    http.on('upgrade', (req, socket, head) => fake.#gateway.handleUpgrade(req, socket, head, (ws) => fake.#onConnection(ws)));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get port(): number {
    return (this.#http.address() as AddressInfo).port;
  }

  /** What the bot's `rest.api` option points at. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  /** Whether every shard from 0 to `shardCount - 1` has a session on an open connection (identified or resumed). */
  get connected(): boolean {
    const live = new Set(this.#liveSessions().filter((s) => s.shard[1] === this.shardCount).map((s) => s.shard[0]));
    return live.size === this.shardCount;
  }

  /** Requests with this bot token are refused with 401, as Discord refuses a reset token. */
  rejectToken(token: string): void {
    this.#rejectedTokens.add(token);
  }

  /** The next `times` requests matching `method` and `path` get `stub` instead of the usual answer. */
  stubNext(method: string, path: RegExp, stub: Stub, times = 1): void {
    this.#stubs.push({ method, path, stub, remaining: times });
  }

  /** The first request, past or future, that matches. */
  waitForRequest(match: (r: RecordedRequest) => boolean, timeoutMs = 3_000): Promise<RecordedRequest> {
    const seen = this.requests.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const waiter = { match, resolve: (r: RecordedRequest) => (clearTimeout(timer), resolve(r)) };
      const timer = setTimeout(() => {
        this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
        reject(new Error(`No matching request within ${timeoutMs} ms; the bot sent: ${this.requests.map((r) => `${r.method} ${r.path}`).join(', ')}`));
      }, timeoutMs);
      this.#waiters.push(waiter);
    });
  }

  /** Resolves once every shard has identified or resumed (at once if they are connected now). */
  waitUntilConnected(): Promise<void> {
    if (this.connected) return Promise.resolve();
    return new Promise((resolve) => this.#readySeen.push(resolve));
  }

  /**
   * Sends a gateway dispatch as Discord routes it: an event of a guild (`guild_id`, or a GUILD_CREATE's `id`) to
   * every session whose shard is `(guild_id >> 22) % num_shards`, anything else (a DM) to the sessions of shard 0.
   * Two sessions that identified for the same shard both receive it, as on Discord. Returns when it was written,
   * as `hrtime.bigint()`; throws when no open session owns it.
   */
  dispatch(type: string, data: unknown): bigint {
    const fields = (data ?? {}) as Record<string, unknown>;
    const guildId = typeof fields['guild_id'] === 'string' ? fields['guild_id'] : type === 'GUILD_CREATE' ? String(fields['id']) : undefined;
    const owners = this.#liveSessions().filter(({ shard: [id, count] }) => (guildId === undefined ? id === 0 : Number((BigInt(guildId) >> 22n) % BigInt(count)) === id));
    if (owners.length === 0) throw new Error(`No session of the fake gateway owns this ${type}${guildId ? ` (guild ${guildId})` : ''}: the bot is not connected`);
    for (const session of owners) {
      session.socket!.send(JSON.stringify({ op: 0, t: type, s: ++session.sequence, d: data }));
      this.deliveries.push({ type, shard: session.shard, id: typeof fields['id'] === 'string' ? fields['id'] : undefined });
    }
    const sentAt = hrtime.bigint();
    if (type === 'INTERACTION_CREATE' && this.#options.interactionWindowMs !== undefined) {
      this.#dispatchedAt.set(String((data as { id: unknown }).id), sentAt);
    }
    return sentAt;
  }

  /** Cuts every gateway connection as a network failure would (no close frame): the bot must resume. */
  dropConnection(): void {
    for (const session of this.#liveSessions()) {
      session.socket!.terminate();
      session.socket = undefined;
    }
  }

  /** Closes every gateway connection with a close code, as Discord does when it ends a session. */
  closeConnection(code: number, reason = ''): void {
    for (const session of this.#liveSessions()) session.socket!.close(code, reason);
  }

  async close(): Promise<void> {
    for (const client of this.#gateway.clients) client.terminate();
    this.#gateway.close();
    this.#http.closeAllConnections();
    await new Promise<void>((resolve) => this.#http.close(() => resolve()));
  }

  // The gateway.

  #liveSessions(): GatewaySession[] {
    return [...this.#sessions.values()].filter((s) => s.socket !== undefined && s.socket.readyState === s.socket.OPEN);
  }

  #onConnection(ws: WebSocket): void {
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: HEARTBEAT_INTERVAL } }));
    ws.on('message', (raw) => this.#onGatewayMessage(ws, JSON.parse(String(raw)) as { op: number; d: Record<string, unknown> }));
    ws.on('close', () => {
      for (const session of this.#sessions.values()) if (session.socket === ws) session.socket = undefined;
    });
  }

  #onGatewayMessage(ws: WebSocket, { op, d }: { op: number; d: Record<string, unknown> }): void {
    if (op === 1) return ws.send(JSON.stringify({ op: 11 }));
    this.gatewayOps.push(op);
    if (op === 2) {
      this.identifies.push(d);
      if (this.#rejectedTokens.has(String(d['token']))) return ws.close(4004, 'Authentication failed.');
      const shard = d['shard'] === undefined ? [0, 1] : d['shard'];
      // Discord's close code for a shard that cannot exist.
      if (!isShard(shard)) return ws.close(4010, 'Invalid shard.');
      const session: GatewaySession = { id: randomBytes(8).toString('hex'), shard, sequence: 0, socket: ws };
      this.#sessions.set(session.id, session);
      ws.send(
        JSON.stringify({
          op: 0,
          t: 'READY',
          s: ++session.sequence,
          d: {
            v: 10,
            user: { id: this.botUserId, username: 'Stevedore', discriminator: '0', global_name: null, avatar: null, bot: true, flags: 0 },
            guilds: [],
            session_id: session.id,
            resume_gateway_url: `ws://127.0.0.1:${this.port}/resume`,
            application: { id: this.applicationId, flags: 0 },
            private_channels: [],
            relationships: [],
            shard,
          },
        }),
      );
      return this.#announceConnected();
    }
    if (op === 6) {
      // A resume of a session the fake knows picks up where it left off; anything else must identify afresh.
      const session = this.#sessions.get(String(d['session_id']));
      if (!session) return ws.send(JSON.stringify({ op: 9, d: false }));
      session.socket = ws;
      ws.send(JSON.stringify({ op: 0, t: 'RESUMED', s: ++session.sequence, d: {} }));
      return this.#announceConnected();
    }
  }

  #announceConnected(): void {
    if (this.connected) for (const resolve of this.#readySeen.splice(0)) resolve();
  }

  // The HTTP API.

  async #onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const receivedAt = hrtime.bigint();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, '');
    const raw = Buffer.concat(await req.toArray());
    // A request its client gave up on before the body was complete (undici's timeout on a busy machine) gets no
    // answer and is not recorded: Discord would not have it either.
    if (req.readableAborted) return;
    const { body, files } = await parseBody(req.headers['content-type'] ?? '', raw);
    const record: RecordedRequest = { method: req.method ?? 'GET', path, query: url.searchParams, headers: req.headers, body, files, receivedAt, status: 0 };

    const limited = this.#rateLimit(record);
    const answer = this.#stubFor(record) ?? this.#lateCallback(record) ?? limited.refusal ?? this.#answer(record);
    answer.headers = { ...limited.headers, ...answer.headers };
    record.status = answer.status;
    if (this.#options.keepRequests !== false) this.requests.push(record);
    const hold = this.#options.holdChannelPostsMs ?? 0;
    if (hold > 0 && answer.status === 200 && record.method === 'POST' && /^\/channels\/\d+\/messages$/.test(path)) {
      await new Promise((resolve) => setTimeout(resolve, hold));
    }
    res.writeHead(answer.status, { ...(answer.body === undefined ? {} : JSON_TYPE), ...answer.headers });
    res.end(answer.raw ?? (answer.body === undefined ? undefined : JSON.stringify(answer.body)));
    for (const waiter of this.#waiters.filter((w) => w.match(record))) {
      this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
      waiter.resolve(record);
    }
    this.#options.onRequest?.(record);
  }

  /** A 429 when the request is over a rate limit (only with `rateLimits`), and the headers of its bucket. */
  #rateLimit(record: RecordedRequest): { refusal?: Stub; headers: Record<string, string> } {
    if (!this.rateLimits) return { headers: {} };
    const token = /^Bot (.+)$/.exec(record.headers.authorization ?? '')?.[1];
    const channel = /^\/channels\/(\d+)\/messages(?:\/\d+)?$/.exec(record.path);
    const route = channel ? { method: record.method, channelId: channel[1]! } : undefined;
    const decision = this.rateLimits.check(Date.now(), token, route);
    if (decision.allowed) return { headers: decision.headers };
    return { refusal: { status: 429, headers: decision.headers, body: decision.body }, headers: {} };
  }

  /** Discord's answer to a callback past the window, when the window is enforced. */
  #lateCallback(record: RecordedRequest): Stub | undefined {
    const windowMs = this.#options.interactionWindowMs;
    const interactionId = /^\/interactions\/(\d+)\/[^/]+\/callback$/.exec(record.path)?.[1];
    if (windowMs === undefined || record.method !== 'POST' || interactionId === undefined) return undefined;
    const dispatchedAt = this.#dispatchedAt.get(interactionId);
    const afterMs = dispatchedAt === undefined ? undefined : Number(record.receivedAt - dispatchedAt) / 1e6;
    if (afterMs !== undefined && afterMs <= windowMs) return undefined;
    this.lateCallbacks.push({ interactionId, afterMs });
    return { status: 404, body: { message: 'Unknown interaction', code: 10062 } };
  }

  #stubFor(record: RecordedRequest): Stub | undefined {
    const entry = this.#stubs.find((s) => s.remaining > 0 && s.method === record.method && s.path.test(record.path));
    if (!entry) return undefined;
    entry.remaining--;
    return entry.stub;
  }

  #answer(record: RecordedRequest): Stub {
    const { method, path } = record;
    const token = /^Bot (.+)$/.exec(record.headers.authorization ?? '')?.[1];
    if (token && this.#rejectedTokens.has(token)) return { status: 401, body: { message: '401: Unauthorized', code: 0 } };

    const problems = discordPayloadProblems(method, path, record.body);
    if (problems.length > 0) {
      this.payloadProblems.push(...problems.map((p) => `${method} ${path}: ${p}`));
      return { status: 400, body: { message: 'Invalid Form Body', code: 50035, errors: problems } };
    }

    if (method === 'GET' && path === '/gateway/bot') {
      return {
        status: 200,
        body: {
          url: `ws://127.0.0.1:${this.port}/gateway`,
          shards: this.shardCount,
          session_start_limit: { total: 1000, remaining: 1000, reset_after: 14_400_000, max_concurrency: 1 },
        },
      };
    }
    if (method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) return { status: 204 };
    const webhook = /^\/webhooks\/(\d+)\/([^/]+)(\/messages\/(@original|\d+))?$/.exec(path);
    if (webhook) {
      if (method === 'DELETE') return { status: 204 };
      if (method === 'POST' || method === 'PATCH') return { status: 200, body: this.#message(record.body, webhook[1]!) };
      if (method === 'GET') return { status: 200, body: this.#message({}, webhook[1]!) };
    }
    if (method === 'POST' && path === '/users/@me/channels') return this.#openDm(record.body as Record<string, unknown>);
    const channel = /^\/channels\/(\d+)\/messages(?:\/(\d+))?$/.exec(path);
    if (channel) return this.#channelAnswer(method, channel[1]!, channel[2], record.body as Record<string, unknown>);
    const commands = /^\/applications\/(\d+)(\/guilds\/\d+)?\/commands$/.exec(path);
    if (commands && method === 'PUT') {
      if (commands[1] !== this.applicationId) return { status: 403, body: { message: 'Missing Access', code: 50001 } };
      const published = (record.body as Array<Record<string, unknown>>).map((c, i) => ({
        id: String(2_000_000_000_000_000_000n + BigInt(i)),
        application_id: this.applicationId,
        version: '1',
        ...c,
      }));
      this.commands.set(path, published);
      return { status: 200, body: published };
    }
    return { status: 404, body: { message: '404: Not Found', code: 0 } };
  }

  /**
   * `POST /users/@me/channels` as Discord answers it: the DM channel with `recipient_id` (type 1, the same channel
   * each time), created even for someone whose DMs are closed (Discord refuses the message, not the channel).
   */
  #openDm(body: Record<string, unknown>): Stub {
    const userId = String(body['recipient_id'] ?? '');
    if (!/^\d{17,20}$/.test(userId)) return { status: 400, body: { message: 'Invalid Form Body', code: 50035 } };
    let channelId = this.dmChannels.get(userId);
    if (!channelId) {
      channelId = String(5_000_000_000_000_000_000n + BigInt(this.dmChannels.size + 1));
      this.dmChannels.set(userId, channelId);
    }
    return {
      status: 200,
      body: { id: channelId, type: 1, last_message_id: null, flags: 0, recipients: [{ id: userId, username: `user${userId.slice(-4)}`, discriminator: '0', global_name: null, avatar: null }] },
    };
  }

  /** The messages the bot created in the DM channel with one user, oldest first. */
  directMessagesTo(userId: string): ChannelMessage[] {
    const channelId = this.dmChannels.get(userId);
    return channelId ? this.messagesIn(channelId) : [];
  }

  /** The messages the bot created in one channel, oldest first. */
  messagesIn(channelId: string): ChannelMessage[] {
    return [...(this.#messagesByChannel.get(channelId) ?? [])];
  }

  /**
   * Channel messages as Discord answers them: 404 Unknown Channel and 403 Missing Access for channels marked so;
   * a `nonce` longer than 25 characters refused; with `enforce_nonce`, a nonce the bot used in the channel within
   * `NONCE_WINDOW_MS` returns that message instead of creating another; edits of unknown messages 404.
   */
  #channelAnswer(method: string, channelId: string, messageId: string | undefined, body: Record<string, unknown>): Stub {
    if (this.deletedChannels.has(channelId)) return { status: 404, body: { message: 'Unknown Channel', code: 10003 } };
    if (this.forbiddenChannels.has(channelId)) return { status: 403, body: { message: 'Missing Access', code: 50001 } };
    const dmWith = [...this.dmChannels].find(([, id]) => id === channelId)?.[0];
    if (dmWith !== undefined && this.closedDms.has(dmWith)) return { status: 403, body: { message: 'Cannot send messages to this user', code: 50007 } };
    if (method === 'POST' && messageId === undefined) {
      const nonce = body['nonce'] === undefined ? undefined : String(body['nonce']);
      if (nonce !== undefined && nonce.length > 25) return { status: 400, body: { message: 'Invalid Form Body', code: 50035, errors: { nonce: 'too long' } } };
      const now = Date.now();
      const earlier =
        nonce !== undefined && body['enforce_nonce'] === true
          ? this.messagesIn(channelId).find((m) => m.nonce === nonce && now - m.createdAt < NONCE_WINDOW_MS)
          : undefined;
      if (earlier) {
        this.nonceReplays++;
        return { status: 200, body: this.#channelMessage(earlier) };
      }
      const id = String(3_000_000_000_000_000_000n + this.#nextMessageId++);
      const created: ChannelMessage = { id, channelId, bodies: [body], createdAt: now, ...(nonce !== undefined ? { nonce } : {}) };
      this.channelMessages.set(id, created);
      // Indexed by channel too: the nonce check looks in one channel, and a benchmark creates 10,000 messages.
      const inChannel = this.#messagesByChannel.get(channelId) ?? [];
      inChannel.push(created);
      this.#messagesByChannel.set(channelId, inChannel);
      return { status: 200, body: this.#channelMessage(created) };
    }
    const message = messageId === undefined ? undefined : this.channelMessages.get(messageId);
    if (method === 'PATCH' && message && message.channelId === channelId) {
      message.bodies.push(body);
      return { status: 200, body: this.#channelMessage(message) };
    }
    return { status: 404, body: { message: 'Unknown Message', code: 10008 } };
  }

  /** A channel message as Discord returns it: the latest body over the first (an edit keeps what it leaves out). */
  #channelMessage(message: ChannelMessage): Record<string, unknown> {
    const current = Object.assign({}, ...message.bodies) as Record<string, unknown>;
    return {
      ...botMessage(current, { id: message.id, type: 0, channelId: message.channelId, applicationId: this.applicationId }),
      author: { id: this.botUserId, username: 'Stevedore', discriminator: '0', avatar: null, bot: true },
      webhook_id: undefined,
      ...(message.nonce !== undefined ? { nonce: message.nonce } : {}),
    };
  }

  /** A message object for a webhook answer, as Discord returns one. */
  #message(body: unknown, applicationId: string): Record<string, unknown> {
    const id = String(3_000_000_000_000_000_000n + this.#nextMessageId++);
    return botMessage((body ?? {}) as Record<string, unknown>, { id, type: 0, channelId: '1100000000000000001', applicationId });
  }
}

/** `[shard_id, num_shards]` with `0 <= shard_id < num_shards`, as IDENTIFY's `shard` must be. */
function isShard(value: unknown): value is [number, number] {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    value.every((n) => Number.isInteger(n)) &&
    (value[1] as number) >= 1 &&
    (value[0] as number) >= 0 &&
    (value[0] as number) < (value[1] as number)
  );
}

/** A JSON body, or a multipart one: `payload_json` and the files beside it. */
async function parseBody(contentType: string, raw: Buffer): Promise<{ body: unknown; files: RecordedFile[] }> {
  if (raw.length === 0) return { body: undefined, files: [] };
  if (!contentType.startsWith('multipart/form-data')) return { body: JSON.parse(raw.toString('utf8')), files: [] };
  const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  const files: RecordedFile[] = [];
  let body: unknown;
  for (const [field, value] of form) {
    if (typeof value === 'string') {
      if (field === 'payload_json') body = JSON.parse(value);
    } else {
      files.push({ field, name: value.name, contentType: value.type, bytes: new Uint8Array(await value.arrayBuffer()) });
    }
  }
  return { body, files };
}
