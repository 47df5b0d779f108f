import type { ApplicationCommandOptionChoiceData } from 'discord.js';
import { INPUT_LIMITS, stripControlCharacters, type CommandRegistry, type CompletionSource, type CoreServices } from '../../core/index.ts';
import { listDiagrams } from '../../diagrams/index.ts';
import { suggestTimeZones } from '../../quiz/index.ts';
import type { KnowledgeBase } from '../../knowledge/index.ts';
import { cutText, DISCORD_LIMITS as LIMIT } from './discord-limits.ts';

export interface CompletionContext {
  registry: CommandRegistry;
  services: Pick<CoreServices, 'knowledge' | 'topics' | 'engine'>;
}

type Choice = ApplicationCommandOptionChoiceData<string>;

/**
 * At most 25 suggestions for what has been typed so far into an option with autocomplete. Reads only the first
 * `INPUT_LIMITS.completionPrefix` characters, so a long paste costs no more than a short question.
 */
export function autocompleteChoices(source: CompletionSource, rawTyped: string, context: CompletionContext): Choice[] {
  const typed = stripControlCharacters(rawTyped.slice(0, INPUT_LIMITS.completionPrefix));
  const choices = ((): Choice[] => {
    switch (source) {
      case 'topic':
        return context.services.topics.complete(typed, LIMIT.autocompleteChoices).map((t) => ({ name: t.title, value: t.id }));
      case 'question':
        return suggestQuestions(typed, context).map((q) => ({ name: q, value: q }));
      case 'command': {
        const prefix = typed.trim().replace(/^\//, '').toLowerCase();
        return context.registry
          .list()
          .filter((e) => e.command.name.startsWith(prefix))
          .map((e) => ({ name: `/${e.command.name}: ${e.command.description}`, value: e.command.name }));
      }
      case 'diagram': {
        const words = wordsOf(typed);
        return listDiagrams()
          .filter((d) => words.every((w) => wordsOf(`${d.id} ${d.title}`).some((part) => part.startsWith(w))))
          .map((d) => ({ name: d.title, value: d.id }));
      }
      case 'time-zone':
        return suggestTimeZones(typed, LIMIT.autocompleteChoices).map((zone) => ({ name: zone, value: zone }));
    }
  })();
  return choices
    .filter((c) => c.value.length > 0 && c.value.length <= LIMIT.choiceValue)
    .slice(0, LIMIT.autocompleteChoices)
    .map((c) => ({ name: cutText(c.name, LIMIT.choiceName), value: c.value }));
}

const wordsOf = (text: string): string[] => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** Each topic's first two questions: the knowledge base's own wording, before the terse and sloppy variants. */
const canonicalQuestions = new WeakMap<KnowledgeBase, Array<{ topicId: string; question: string; words: string[] }>>();

/**
 * Questions the knowledge base answers: with nothing typed, one per topic; otherwise those whose words start
 * with every typed word, then those of the topics the answer engine finds for the words so far, then those of
 * topics whose name matches (typos allowed).
 */
function suggestQuestions(typed: string, { services }: CompletionContext): string[] {
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
  const nameTopics = services.topics.complete(typed, LIMIT.autocompleteChoices);
  const ofTopics = [...engineTopics, ...nameTopics].flatMap((t) => services.knowledge.get(t.id)?.questions.slice(0, 2) ?? []);
  return [...new Set([...direct, ...ofTopics])];
}
