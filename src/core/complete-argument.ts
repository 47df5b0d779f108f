import { listDiagrams } from '../diagrams/index.ts';
import type { KnowledgeBase } from '../knowledge/index.ts';
import { Temporal } from 'temporal-polyfill';
import { offsetAt, suggestTimeZones, timeZoneOffsets } from '../quiz/index.ts';
import type { CompletionSource, CoreServices } from './command.ts';
import type { CommandRegistry } from './command-registry.ts';
import { INPUT_LIMITS } from './input-limits.ts';
import { stripControlCharacters } from './strip-control-characters.ts';

/** One suggestion: what the person sees, and the value the argument takes when they pick it. */
export interface Completion {
  name: string;
  value: string;
}

export interface CompletionContext {
  registry: CommandRegistry;
  services: Pick<CoreServices, 'knowledge' | 'topics' | 'engine'>;
  /** The clock: zone suggestions by offset use the offsets in force now. */
  now: Date;
}

/**
 * Suggestions for what has been typed so far into an argument whose schema names a completion source
 * (`.meta({ autocomplete })`): the one function every front end with autocomplete calls, so `/settings
 * time-zone` and `/daily set timezone` suggest the same zones everywhere. Reads only the first
 * `INPUT_LIMITS.completionPrefix` characters of `rawTyped` and returns at most `limit` suggestions; the
 * front end cuts names and values to its own limits.
 */
export function completeArgument(source: CompletionSource, rawTyped: string, context: CompletionContext, limit: number): Completion[] {
  const typed = stripControlCharacters(rawTyped.slice(0, INPUT_LIMITS.completionPrefix));
  switch (source) {
    case 'topic':
      return context.services.topics.complete(typed, limit).map((t) => ({ name: t.title, value: t.id }));
    case 'question':
      return suggestQuestions(typed, context, limit).map((q) => ({ name: q, value: q }));
    case 'command': {
      const prefix = typed.trim().replace(/^\//, '').toLowerCase();
      return context.registry
        .list()
        .filter((e) => e.command.name.startsWith(prefix))
        .slice(0, limit)
        .map((e) => ({ name: `/${e.command.name}: ${e.command.description}`, value: e.command.name }));
    }
    case 'diagram': {
      const words = wordsOf(typed);
      return listDiagrams()
        .filter((d) => words.every((w) => wordsOf(`${d.id} ${d.title}`).some((part) => part.startsWith(w))))
        .slice(0, limit)
        .map((d) => ({ name: d.title, value: d.id }));
    }
    case 'time-zone': {
      // Each shown zone's offset is computed here (at most `limit` zones), so names do not depend on how far the
      // shared table has got; the table serves only the search by offset.
      const instant = Temporal.Instant.fromEpochMilliseconds(context.now.getTime());
      return suggestTimeZones(typed, limit, timeZoneOffsets.current(context.now)).map(({ zone }) => ({ name: `${zone} (UTC${offsetAt(instant, zone)})`, value: zone }));
    }
  }
}

const wordsOf = (text: string): string[] => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** Each topic's first two questions: the knowledge base's own wording, before the terse and sloppy variants. */
const canonicalQuestions = new WeakMap<KnowledgeBase, Array<{ topicId: string; question: string; words: string[] }>>();

/**
 * Questions the knowledge base answers: with nothing typed, one per topic; otherwise those whose words start
 * with every typed word, then those of the topics the answer engine finds for the words so far, then those of
 * topics whose name matches (typos allowed).
 */
function suggestQuestions(typed: string, { services }: CompletionContext, limit: number): string[] {
  let questions = canonicalQuestions.get(services.knowledge);
  if (!questions) {
    questions = services.knowledge.topics.flatMap((t) => t.questions.slice(0, 2).map((question) => ({ topicId: t.id, question, words: wordsOf(question) })));
    canonicalQuestions.set(services.knowledge, questions);
  }
  const words = wordsOf(typed);
  if (words.length === 0) return services.knowledge.topics.map((t) => t.questions[0]!);
  const direct = questions.filter((q) => words.every((w) => q.words.some((qw) => qw.startsWith(w)))).map((q) => q.question);
  const answer = services.engine.answer(typed);
  const engineTopics = [...(answer.topic ? [answer.topic] : []), ...answer.suggestions];
  const nameTopics = services.topics.complete(typed, limit);
  const ofTopics = [...engineTopics, ...nameTopics].flatMap((t) => services.knowledge.get(t.id)?.questions.slice(0, 2) ?? []);
  return [...new Set([...direct, ...ofTopics])];
}
