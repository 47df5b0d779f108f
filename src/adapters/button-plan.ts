import { decodeAction, type Action } from '../core/index.ts';

/** How the answer to a button press is shown, on every chat platform (Discord, Slack). */
export interface ButtonPlan {
  /**
   * `update`: the answer replaces the message the button is on. `reply`: it comes as a new message only the
   * presser sees, leaving the button's message as it was.
   */
  style: 'update' | 'reply';
  /** The work may outlast the platform's 3-second window, so it is acknowledged first. */
  slow: boolean;
}

/**
 * Per action: whether pressing it continues a personal card in place (reveal, then grade) and whether it may
 * be slow (a first diagram render). Everything else answers the presser alone, so a press on a public message
 * (answering a multiple-choice question, voting, "Quiz me on this") never changes what the channel sees.
 */
const PLANS: Record<Action['action'], { inPlace: boolean; slow: boolean }> = {
  reveal: { inPlace: true, slow: false },
  grade: { inPlace: true, slow: false },
  explain: { inPlace: false, slow: false },
  quiz: { inPlace: false, slow: false },
  review: { inPlace: false, slow: false },
  practice: { inPlace: false, slow: false },
  answer: { inPlace: false, slow: false },
  vote: { inPlace: false, slow: false },
  diagram: { inPlace: false, slow: true },
  forget: { inPlace: true, slow: false },
  reset: { inPlace: true, slow: false },
  undo: { inPlace: true, slow: false },
};

/**
 * The plan for a button id pressed on a message. Only a message the presser alone can see (ephemeral, or in
 * their DM with the bot) is ever replaced: a card is personal, and replacing a public message would show
 * everyone one person's card.
 */
export function buttonPlan(customId: string, onPrivateMessage: boolean): ButtonPlan {
  const action = decodeAction(customId);
  const plan = action ? PLANS[action.action] : { inPlace: false, slow: false };
  return { style: plan.inPlace && onPrivateMessage ? 'update' : 'reply', slow: plan.slow };
}
