import { z } from 'zod';
import { DIAGRAM_IDS } from '../diagrams/diagram-ids.ts';

/**
 * Limits that keep every topic renderable on every platform: a body fits one Discord embed description
 * and one Slack section, a multiple-choice option fits a Slack button label (75) and a Discord one (80).
 */
export const TOPIC_LIMITS = {
  titleMax: 80,
  summaryMax: 220,
  bodyMax: 1500,
  questionMax: 200,
  cardSideMax: 300,
  optionMax: 75,
  explanationMax: 400,
  minQuestions: 5,
  minCards: 4,
  minMcq: 2,
} as const;

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const TopicIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case (lowercase letters, digits and single hyphens)');

/**
 * The id of one card or multiple-choice question, unique within its topic: progress is stored under
 * `<topic id>/<item id>`, so it must describe the item and never change when its text is edited or it moves.
 * `c1`/`q1` are refused: they were the positional ids before explicit ones, and stay reserved for them.
 */
export const ItemIdSchema = TopicIdSchema.max(60, 'must be at most 60 characters').refine((id) => !/^[cq]\d+$/.test(id), {
  message: 'must describe the card or question (c1, q2 … were positional ids and are reserved)',
});

export const FlashCardSchema = z.strictObject({
  id: ItemIdSchema,
  front: text(TOPIC_LIMITS.cardSideMax),
  back: text(TOPIC_LIMITS.cardSideMax),
});

export const MultipleChoiceSchema = z
  .strictObject({
    id: ItemIdSchema,
    question: text(TOPIC_LIMITS.questionMax),
    answer: text(TOPIC_LIMITS.optionMax),
    distractors: z.array(text(TOPIC_LIMITS.optionMax)).length(3, 'must list exactly three distractors'),
    explanation: text(TOPIC_LIMITS.explanationMax),
  })
  .refine((q) => new Set([q.answer, ...q.distractors].map((o) => o.toLowerCase())).size === 4, {
    message: 'the answer and the three distractors must all differ',
    path: ['distractors'],
  });

/** The front matter of one knowledge file, as an author writes it. */
export const TopicFrontMatterSchema = z.strictObject({
  id: TopicIdSchema,
  title: text(TOPIC_LIMITS.titleMax),
  /** Where a newcomer meets it: 1 start here, 2 next (the default), 3 deeper. New flash cards follow it. */
  level: z.union([z.literal(1), z.literal(2), z.literal(3)], { error: 'must be 1 (start here), 2 (next) or 3 (deeper)' }).default(2),
  summary: text(TOPIC_LIMITS.summaryMax),
  aliases: z.array(text(80)).default([]),
  questions: z
    .array(text(TOPIC_LIMITS.questionMax))
    .min(TOPIC_LIMITS.minQuestions, `must list at least ${TOPIC_LIMITS.minQuestions} example questions`),
  keywords: z.array(text(40)).default([]),
  related: z.array(TopicIdSchema).default([]),
  diagram: z.enum(DIAGRAM_IDS).optional(),
  commands: z.array(text(120)).default([]),
  cards: z.array(FlashCardSchema).min(TOPIC_LIMITS.minCards, `must have at least ${TOPIC_LIMITS.minCards} flash cards`),
  mcq: z.array(MultipleChoiceSchema).min(TOPIC_LIMITS.minMcq, `must have at least ${TOPIC_LIMITS.minMcq} multiple-choice questions`),
}).superRefine((topic, ctx) => {
  // Cards and questions share one namespace per topic, so `<topic>/<id>` names exactly one item.
  const seen = new Set<string>();
  for (const [field, items] of [['cards', topic.cards], ['mcq', topic.mcq]] as const) {
    items.forEach((item, index) => {
      if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [field, index, 'id'], message: `"${item.id}" is already used by another card or question of this topic` });
      seen.add(item.id);
    });
  }
});

export type TopicFrontMatter = z.infer<typeof TopicFrontMatterSchema>;
export type FlashCard = z.infer<typeof FlashCardSchema>;
export type MultipleChoice = z.infer<typeof MultipleChoiceSchema>;

/** A validated topic: its front matter plus the Markdown body. */
export interface Topic extends TopicFrontMatter {
  body: string;
  /** The file it came from, relative to the knowledge folder. */
  file: string;
}
