import { z } from 'zod';
import { defineCommand } from '../command.ts';
import { INPUT_LIMITS } from '../input-limits.ts';
import { describeProblem } from '../describe-problem.ts';
import { relatedRefs, renderTopic } from '../render-topic.ts';

export const explainCommand = defineCommand({
  name: 'explain',
  description: 'Explain one Docker topic by name',
  args: z.object({
    topic: z.string().trim().min(1).max(INPUT_LIMITS.name).describe('A topic name, e.g. "volumes"').meta({ autocomplete: 'topic' }),
  }),
  examples: ['/explain volumes', '/explain stop vs kill'],
  run: ({ topic: name }, _request, { topics, knowledge, engine }) => {
    const found = topics.find(name);
    if (found.found) return renderTopic(found.topic, relatedRefs(found.topic, (id) => knowledge.get(id)));
    // Not a name: perhaps a question ("/explain how volumes work"). One or two words are a name, though,
    // and "mount types" is better met with close names than with a stretch.
    const answer = engine.answer(name);
    const looksLikeQuestion = name.trim().split(/\s+/).length >= 3;
    if (looksLikeQuestion && answer.answered && answer.topic) return renderTopic(answer.topic, answer.suggestions);
    const closeMatches = [...new Map([...found.closeMatches, ...answer.suggestions].map((m) => [m.id, m])).values()].slice(0, 3);
    return describeProblem({ code: 'unknown-topic', query: name, closeMatches });
  },
});
