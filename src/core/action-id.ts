import { z } from 'zod';
import { DIAGRAM_IDS } from '../diagrams/diagram-ids.ts';
import { TopicIdSchema } from '../knowledge/topic-schema.ts';

/**
 * Button ids: `v1:<action>:<argument>:…`, compact (at most 100 characters, Discord's limit) and versioned, so
 * a button posted by an older release is recognised as stale instead of misread. Every id is parsed with
 * zod; anything malformed or forged is refused before it reaches a handler.
 */
export const ACTION_VERSION = 'v1';

/** Ids of sessions, quizzes and answers: random, URL-safe. */
export const RecordIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,32}$/);
const TopicId = TopicIdSchema.max(60);
/** When a confirmation was shown, in whole seconds since the epoch: its button expires. */
const IssuedAt = z.string().regex(/^[1-9]\d{0,11}$/).transform(Number);
/** One digit from `min` to `max`, written exactly so (no "01", "1e0" or " 1"). */
const digitIn = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d$/)
    .transform(Number)
    .pipe(z.number().min(min).max(max));

const ActionSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('explain'), topicId: TopicId }),
  z.strictObject({ action: z.literal('quiz'), mode: z.enum(['cards', 'mcq']), topicId: TopicId.optional() }),
  z.strictObject({ action: z.literal('review') }),
  z.strictObject({ action: z.literal('practice') }),
  z.strictObject({ action: z.literal('reveal'), sessionId: RecordIdSchema }),
  z.strictObject({ action: z.literal('grade'), sessionId: RecordIdSchema, rating: digitIn(1, 4) }),
  z.strictObject({ action: z.literal('answer'), quizId: RecordIdSchema, choice: digitIn(0, 3) }),
  z.strictObject({ action: z.literal('diagram'), diagramId: z.enum(DIAGRAM_IDS) }),
  z.strictObject({ action: z.literal('vote'), vote: z.enum(['up', 'down']), answerId: RecordIdSchema }),
  z.strictObject({ action: z.literal('forget'), issuedAt: IssuedAt }),
  z.strictObject({ action: z.literal('undo'), sessionId: RecordIdSchema }),
  z.strictObject({ action: z.literal('reset'), topicId: TopicId, issuedAt: IssuedAt }),
]);

export type Action = z.infer<typeof ActionSchema>;

/** The positional arguments of each action, in id order. */
const ARGUMENTS: { [A in Action['action']]: readonly Exclude<keyof Extract<Action, { action: A }>, 'action'>[] } = {
  explain: ['topicId'],
  quiz: ['mode', 'topicId'],
  review: [],
  practice: [],
  reveal: ['sessionId'],
  grade: ['sessionId', 'rating'],
  answer: ['quizId', 'choice'],
  diagram: ['diagramId'],
  vote: ['vote', 'answerId'],
  forget: ['issuedAt'],
  undo: ['sessionId'],
  reset: ['topicId', 'issuedAt'],
};

export function encodeAction(action: Action): string {
  const names = ARGUMENTS[action.action] as readonly string[];
  const values = names.map((name) => String((action as Record<string, unknown>)[name] ?? ''));
  while (values.at(-1) === '') values.pop();
  return [ACTION_VERSION, action.action, ...values].join(':');
}

/** Parses a button id from a platform; anything malformed or forged is `undefined`. */
export function decodeAction(id: string): Action | undefined {
  if (id.length > 100) return undefined;
  const [version, action, ...values] = id.split(':');
  if (version !== ACTION_VERSION || !action || !Object.hasOwn(ARGUMENTS, action)) return undefined;
  const names = ARGUMENTS[action as Action['action']] as readonly string[];
  if (values.length > names.length) return undefined;
  const fields = Object.fromEntries(names.map((name, i) => [name, values[i] === '' ? undefined : values[i]]).filter(([, v]) => v !== undefined));
  const parsed = ActionSchema.safeParse({ action, ...fields });
  return parsed.success ? parsed.data : undefined;
}
