import { z } from 'zod';
import { diagramInfo, findDiagram } from '../../diagrams/index.ts';
import { encodeAction } from '../action-id.ts';
import type { ReplyAction } from '../reply.ts';
import { defineCommand } from '../command.ts';
import { INPUT_LIMITS } from '../input-limits.ts';
import { describeProblem } from '../describe-problem.ts';
import { renderDiagram, renderDiagramList } from '../render-diagram.ts';

export const diagramCommand = defineCommand({
  name: 'diagram',
  description: 'Draw a diagram: image vs container, layers, VM vs container, lifecycle, build to run',
  args: z.object({
    name: z.string().trim().max(INPUT_LIMITS.name).optional().describe('Which diagram, e.g. "lifecycle"; leave out to list them').meta({ autocomplete: 'diagram' }),
  }),
  examples: ['/diagram', '/diagram lifecycle', '/diagram vm vs container'],
  // A diagram's first render takes a tenth of a second or more of CPU: acknowledged first on chat platforms.
  slow: true,
  run: ({ name }, _request, services) => {
    if (!name) return renderDiagramList();
    const found = findDiagram(name);
    if (!found.found) {
      const closeMatches = found.closeMatches.slice(0, 5).map(diagramInfo);
      return {
        ...describeProblem({ code: 'unknown-diagram', query: name, closeMatches: closeMatches.map((d) => d.title) }),
        actions: closeMatches.length > 0 ? [closeMatches.map((d): ReplyAction => ({ id: encodeAction({ action: 'diagram', diagramId: d.id }), label: d.title, style: 'secondary' }))] : [],
      };
    }
    return renderDiagram(found.id, services);
  },
});
