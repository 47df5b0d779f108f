import { z } from 'zod';
import { TopicIdSchema } from '../knowledge/topic-schema.ts';

/**
 * Button ids: `v1:<action>:<argument>`, compact (≤ 100 characters, Discord's limit) and versioned, so a
 * button posted by an older release is recognised as stale instead of misread.
 */
export const ACTION_VERSION = 'v1';

const ActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('explain'), topicId: TopicIdSchema.max(60) }),
]);

export type Action = z.infer<typeof ActionSchema>;

export function encodeAction(action: Action): string {
  switch (action.action) {
    case 'explain':
      return `${ACTION_VERSION}:explain:${action.topicId}`;
  }
}

/** Parses a button id from a platform; anything malformed or forged is `undefined`. */
export function decodeAction(id: string): Action | undefined {
  if (id.length > 100) return undefined;
  const [version, action, argument] = id.split(':');
  if (version !== ACTION_VERSION) return undefined;
  const parsed = ActionSchema.safeParse({ action, topicId: argument });
  return parsed.success ? parsed.data : undefined;
}
