import { diagramInfo, listDiagrams, renderDiagramText, type DiagramId } from '../diagrams/index.ts';
import type { KnowledgeBase } from '../knowledge/index.ts';
import { encodeAction } from './action-id.ts';
import type { CoreServices } from './command.ts';
import { buttonLabel, type Reply, type ReplyAction } from './reply.ts';

/**
 * A diagram as a reply: the PNG with its alt text and text version, a caption, and its topics to read. A
 * diagram's first render takes about a tenth of a second off the event loop; later ones come from the cache.
 */
export async function renderDiagram(id: DiagramId, services: Pick<CoreServices, 'diagrams' | 'knowledge'>): Promise<Reply> {
  const info = diagramInfo(id);
  const png = await services.diagrams.renderPng(id);
  return {
    tone: 'answer',
    title: info.title,
    text: info.caption,
    image: { name: `${id}.png`, png, alt: info.alt, fallbackText: renderDiagramText(id) },
    // The topic named like the diagram first: it is the one the picture is about.
    actions: topicsToRead([id, ...info.topicIds.filter((t) => t !== id)], services.knowledge),
  };
}

/** Every diagram, one button each. */
export function renderDiagramList(): Reply {
  const diagrams = listDiagrams();
  return {
    tone: 'info',
    title: `${diagrams.length} diagrams`,
    text: diagrams.map((d) => `- **${d.title}** (\`${d.id}\`): ${d.caption}`).join('\n'),
    actions: [
      diagrams.slice(0, 5).map((d): ReplyAction => ({ id: encodeAction({ action: 'diagram', diagramId: d.id }), label: d.title, style: 'secondary' })),
    ],
    footer: 'Type /diagram <name>, or press one.',
  };
}

function topicsToRead(topicIds: readonly string[], knowledge: KnowledgeBase): ReplyAction[][] {
  const buttons = topicIds
    .map((id) => knowledge.get(id))
    .filter((t) => t !== undefined)
    .slice(0, 5)
    .map((t): ReplyAction => ({ id: encodeAction({ action: 'explain', topicId: t.id }), label: buttonLabel(`Read: ${t.title}`), style: 'secondary' }));
  return buttons.length > 0 ? [buttons] : [];
}
