import { describeExplainProblem } from '../explain/index.ts';
import type { Problem } from './problem.ts';
import type { Reply } from './reply.ts';
import { topicButtons } from './render-topic.ts';
import { defuseMentions, quoteUserCode, quoteUserText } from './safe-text.ts';

/** The words for every expected failure: what went wrong and what to do next. */
export function describeProblem(problem: Problem): Reply {
  const reply = (title: string, text: string): Reply => ({ tone: 'error', title, text, ephemeral: true });
  switch (problem.code) {
    case 'unknown-command':
      return reply(
        'Unknown command',
        `There is no command \`/${quoteUserCode(problem.name, 40)}\`.` +
          (problem.suggestion ? ` Did you mean \`/${problem.suggestion}\`?` : '') +
          ' Type `/help` to see them all.',
      );
    case 'missing-argument':
      return reply('Something is missing', `\`/${problem.command}\` needs a ${problem.argument}. Usage: \`${problem.usage}\``);
    case 'invalid-argument':
      return reply(
        'That did not work',
        `The ${problem.argument} for \`/${problem.command}\` ${problem.reason}. Usage: \`${problem.usage}\``,
      );
    case 'unknown-topic':
      // The close matches are buttons too: pressing one opens that topic.
      return {
        ...reply(
          'No such topic',
          `I have no topic called "${quoteUserText(problem.query)}".` +
            (problem.closeMatches.length > 0 ? ` Close matches: ${problem.closeMatches.map((m) => `**${m.title}**`).join(', ')}.` : '') +
            ' Type `/topics` to see them all.',
        ),
        actions: topicButtons(problem.closeMatches),
      };
    case 'invalid-action':
      return reply('That button is not valid', 'I could not read that button. Ask again or type `/help`.');
    case 'stale-action':
      return reply('That button has expired', 'It refers to something that no longer exists. Ask again to get a fresh one.');
    case 'not-your-card':
      return reply('That card is someone else\'s', 'Flash cards are personal. Type `/quiz` to get one of your own.');
    case 'card-not-revealed':
      return reply('Reveal the answer first', 'Grade a card after you have seen its answer: press **Reveal answer**.');
    case 'already-graded':
      return reply('Already graded', 'That card has been graded already, and only the first grade counts. Type `/review` for the next one.');
    case 'needs-server':
      return reply(
        'Only in a server',
        `\`/${problem.command}\` belongs to a server or workspace, so it works in a channel there, not in direct messages.`,
      );
    case 'needs-permission':
      if (problem.permission === 'workspace-admin-or-setter') {
        return reply(
          'Only for workspace admins',
          `\`/${problem.command}\` changes this channel's daily quiz, so only a workspace admin or owner, or whoever set the schedule, may run it. Ask one of them.`,
        );
      }
      return reply(
        'Only for server managers',
        `\`/${problem.command}\` changes this server's settings, so it needs the **Manage Server** permission. Ask a moderator.`,
      );
    case 'cannot-explain':
      return reply(problem.kind === 'command' ? 'I cannot explain that command' : 'I cannot explain that Dockerfile', defuseMentions(describeExplainProblem(problem.problem)));
    case 'paste-file-too-large':
      return reply('That file is too large', `It is ${Math.ceil(problem.bytes / 1024)} KB; I read files up to ${Math.floor(problem.limit / 1024)} KB. Attach one Dockerfile or one command.`);
    case 'paste-file-unreadable':
      return reply('I could not read that file', `Downloading \`${quoteUserText(problem.name, 60)}\` failed. Try again, or paste its text instead.`);
    case 'unknown-diagram':
      return reply(
        'No such diagram',
        `I have no diagram called "${quoteUserText(problem.query)}".` +
          (problem.closeMatches.length > 0 ? ` Close matches: ${problem.closeMatches.map((m) => `**${m}**`).join(', ')}.` : '') +
          ' Type `/diagram` to see them all.',
      );
    case 'rate-limited':
      return reply(
        'Slow down a little',
        `You are sending requests faster than I can share myself out fairly. Try again in ${String(problem.retryAfterSeconds)} second${problem.retryAfterSeconds === 1 ? '' : 's'}.`,
      );
  }
}
