import { encodeAction } from './action-id.ts';
import type { Reply } from './reply.ts';

// The few things people say to a bot that are not questions, answered as a person would rather than
// searched (a search for "hi" can only abstain). English only, as the bot is; anything longer than these
// short forms goes to the answer engine.
const GREETING = /^(hi|hello|hey|hiya|howdy|yo|good (morning|afternoon|evening))( there| stevedore)?$/;
const THANKS = /^(thanks|thank you|thx|ty|cheers|many thanks)( (so much|a lot|very much))?( stevedore)?$/;
const ABOUT = /^(what can you do|what do you do|what are you|who are you|how do (i|you) use (this|you)|how does this work)$/;

/** A reply to a greeting, a thank-you or "what can you do", or undefined when the text is none of them. */
export function replyToSmallTalk(text: string): Reply | undefined {
  const said = text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (GREETING.test(said)) return about('Hello!', "I'm Stevedore, a study companion for Docker concepts.");
  if (THANKS.test(said)) {
    return { tone: 'success', title: "You're welcome!", text: 'Ask another question whenever you like, or type `/review` to go over your cards.' };
  }
  if (ABOUT.test(said)) return about('What I can do', "I'm Stevedore, a study companion for Docker concepts.");
  return undefined;
}

function about(title: string, intro: string): Reply {
  return {
    tone: 'info',
    title,
    text:
      `${intro} Ask me a question in your own words (in English), such as "image vs container?" or "why is my ` +
      'second build so fast?". I can also quiz you with flash cards that come back when you are about to forget ' +
      'them, and draw diagrams. Type `/help` to see every command.',
    actions: [[
      { id: encodeAction({ action: 'quiz', mode: 'cards' }), label: 'Quiz me', style: 'primary' },
      { id: encodeAction({ action: 'quiz', mode: 'mcq' }), label: 'Multiple choice', style: 'secondary' },
    ]],
  };
}
