import type { Reply } from '../../../src/core/index.ts';
import type { DailyDeliveryOutcome, DailyPoster, OutgoingDailyPost } from '../../../src/daily/index.ts';

/** A platform that honours idempotency keys as Discord honours nonces: a repeated key returns the first message. */
export class FakePlatform implements DailyPoster {
  readonly platform = 'discord' as const;
  /** Whether a repeated key returns the first message (Discord's nonce); false is Slack, which has no such key. */
  idempotent = true;
  /** Private notes sent to whoever set a schedule. */
  readonly notes: { userId: string; reply: Reply }[] = [];
  readonly messages = new Map<string, { channelId: string; reply: Reply; pingRoleId?: string; edits: Reply[] }>();
  readonly attempts: OutgoingDailyPost[] = [];
  readonly byKey = new Map<string, string>();
  inFlight = 0;
  maxInFlight = 0;
  /** What the next attempts answer before the message is created (`lose-answer`: created, but the answer is lost). */
  failures: ('fail' | 'lose-answer' | 'gone' | 'rate-limited')[] = [];
  gate: Promise<void> | undefined;
  /** Channels whose sends wait for their promise (a slow channel), beside the shared `gate`. */
  readonly holds = new Map<string, Promise<void>>();

  async post(post: OutgoingDailyPost): Promise<DailyDeliveryOutcome> {
    this.attempts.push(post);
    this.maxInFlight = Math.max(this.maxInFlight, ++this.inFlight);
    try {
      await this.gate;
      await this.holds.get(post.channelId);
      const failure = this.failures.shift();
      if (failure === 'fail') return { status: 'failed', detail: '500 Internal Server Error' };
      if (failure === 'rate-limited') return { status: 'failed', detail: 'ratelimited', notPosted: true };
      if (failure === 'gone') return { status: 'channel-unavailable', reason: 'unknown-channel', detail: '404 Unknown Channel' };
      let id = this.idempotent ? this.byKey.get(post.idempotencyKey) : undefined;
      if (!id) {
        id = `m${this.messages.size + 1}`;
        this.byKey.set(post.idempotencyKey, id);
        this.messages.set(id, { channelId: post.channelId, reply: post.reply, ...(post.pingRoleId ? { pingRoleId: post.pingRoleId } : {}), edits: [] });
      }
      if (failure === 'lose-answer') return { status: 'failed', detail: 'timed out' };
      return { status: 'sent', messageId: id };
    } finally {
      this.inFlight--;
    }
  }

  async edit(_channelId: string, messageId: string, reply: Reply): Promise<DailyDeliveryOutcome> {
    const message = this.messages.get(messageId);
    if (!message) return { status: 'channel-unavailable', reason: 'unknown-message', detail: '404' };
    message.edits.push(reply);
    return { status: 'sent', messageId };
  }

  async notify(userId: string, reply: Reply): Promise<void> {
    this.notes.push({ userId, reply });
  }

  postsIn(channelId: string) {
    return [...this.messages.values()].filter((m) => m.channelId === channelId);
  }
}

