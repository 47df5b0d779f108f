import { listDiagrams } from '../diagrams/index.ts';
import type { KnowledgeBase } from '../knowledge/index.ts';
import { Temporal } from 'temporal-polyfill';
import { offsetAt, suggestTimeZones, timeZoneOffsets } from '../quiz/index.ts';
import type { CompletionSource, CoreServices } from './command.ts';
import type { CommandRegistry } from './command-registry.ts';
import { QuestionPrefixIndex, toTopicRef, wordsOf } from '../search/index.ts';
import { INPUT_LIMITS } from './input-limits.ts';
import { stripControlCharacters } from './strip-control-characters.ts';

/** One suggestion: what the person sees, and the value the argument takes when they pick it. */
export interface Completion {
  name: string;
  value: string;
}

export interface CompletionContext {
  registry: CommandRegistry;
  services: Pick<CoreServices, 'knowledge' | 'topics'>;
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

/** Each topic's first two questions (the knowledge base's own wording, before the terse and sloppy variants), indexed by word. */
const canonicalQuestions = new WeakMap<KnowledgeBase, { questions: string[]; index: QuestionPrefixIndex }>();

/**
 * Questions the knowledge base answers: with nothing typed, one per topic; otherwise those whose words start
 * with every typed word, then those of the topic the text names (`TopicFinder.lookUp`: "imge", "volumes"), of
 * the topics whose names, keywords or example questions use its words (`TopicFinder.named`), and, for text
 * of at most six words, of the topics whose name matches it (typos allowed). Each source is bounded
 * (see `QuestionPrefixIndex` and `TopicFinder`), so a keystroke costs the same at 76 topics and at 50,000;
 * the answer engine is not asked, since a question is answered when it is sent, not while it is typed.
 */
function suggestQuestions(typed: string, { services }: CompletionContext, limit: number): string[] {
  let canonical = canonicalQuestions.get(services.knowledge);
  if (!canonical) {
    const questions = services.knowledge.topics.flatMap((t) => t.questions.slice(0, 2));
    canonical = { questions, index: new QuestionPrefixIndex(questions) };
    canonicalQuestions.set(services.knowledge, canonical);
  }
  const words = wordsOf(typed).slice(0, MAX_TYPED_WORDS);
  if (words.length === 0) return services.knowledge.topics.slice(0, limit).map((t) => t.questions[0]!);
  const direct = canonical.index.matching(words, limit).map((q) => canonical.questions[q]!);
  const named = services.topics.lookUp(typed);
  // Fuzzy name matching suits a name; matched against a question, it finds noise.
  const byName = words.length <= MAX_NAME_WORDS ? services.topics.complete(typed, limit) : [];
  const topics = [...(named ? [toTopicRef(named)] : []), ...services.topics.named(typed, limit), ...byName];
  const ofTopics = topics.flatMap((t) => services.knowledge.get(t.id)?.questions.slice(0, 2) ?? []);
  return [...new Set([...direct, ...ofTopics])].slice(0, limit);
}

/** How many typed words a question must match; the rest of a long paste is ignored. */
const MAX_TYPED_WORDS = 12;
/** Text of more words than this is matched against topic names only word by word (`TopicFinder.named`). */
const MAX_NAME_WORDS = 6;
