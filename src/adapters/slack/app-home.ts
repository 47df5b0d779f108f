import type { types } from '@slack/bolt';
import { encodeAction } from '../../core/index.ts';
import type { TopicRef } from '../../search/index.ts';
import { actionBlocks, cutPlain, type SlackMessage } from './render-blocks.ts';
import { SLACK_LIMITS as LIMIT } from './slack-limits.ts';

/** The `action_id` of the topic menus on Home (their options' values are the core's action ids). */
export const HOME_TOPIC_MENU = 'home-topics';

/**
 * The Home tab: the learner's progress (the core's `stats` reply, rendered without its own buttons),
 * "Start review" and "Quiz me", and every topic in select menus of at most 100 options each, so the view
 * stays within Slack's 100 blocks however large the knowledge base grows. Pressing any of them sends the
 * card or topic to the app's Messages tab (the DM with the bot).
 */
export function buildHomeView(progress: SlackMessage, topics: readonly TopicRef[]): types.HomeView {
  const study = actionBlocks([
    [
      { id: encodeAction({ action: 'review' }), label: 'Start review', style: 'primary' },
      { id: encodeAction({ action: 'quiz', mode: 'cards' }), label: 'Quiz me', style: 'secondary' },
      { id: encodeAction({ action: 'quiz', mode: 'mcq' }), label: 'Multiple choice', style: 'secondary' },
    ],
  ]);
  const menus: types.StaticSelect[] = [];
  for (let start = 0; start < topics.length && menus.length < LIMIT.actionsElements; start += LIMIT.selectOptions) {
    const chunk = topics.slice(start, start + LIMIT.selectOptions);
    menus.push({
      type: 'static_select',
      action_id: `${HOME_TOPIC_MENU}-${menus.length + 1}`,
      placeholder: { type: 'plain_text', text: topics.length > LIMIT.selectOptions ? `Topics ${start + 1}–${start + chunk.length}` : 'Pick a topic to read' },
      options: chunk.map((t) => ({ text: { type: 'plain_text', text: cutPlain(t.title, LIMIT.optionText) }, value: encodeAction({ action: 'explain', topicId: t.id }) })),
    });
  }
  const intro: types.KnownBlock = {
    type: 'context',
    elements: [{ type: 'mrkdwn', text: 'Cards and topics you start here arrive in the *Messages* tab. In channels, mention me or type `/docker help`.' }],
  };
  // The study buttons, a divider, the topics header, their menus and the closing hint follow the progress.
  const room = LIMIT.homeBlocks - study.length - 4;
  const blocks: types.KnownBlock[] = [
    ...progress.blocks.filter((b) => b.type !== 'actions').slice(0, room),
    ...study,
    { type: 'divider' },
    { type: 'header', text: { type: 'plain_text', text: `Topics (${topics.length})` } },
    ...(menus.length > 0 ? [{ type: 'actions', elements: menus } satisfies types.ActionsBlock] : []),
    intro,
  ];
  return { type: 'home', blocks: blocks.slice(0, LIMIT.homeBlocks) };
}

