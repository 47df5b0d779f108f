import { z } from 'zod';
import { defineCommand } from '../command.ts';
import { confirmUndo, UNDO_WINDOW_MS } from '../study/undo-grade.ts';

export const undoCommand = defineCommand({
  name: 'undo',
  description: `Undo your last flash-card grade, within ${UNDO_WINDOW_MS / 60_000} minutes (asks first)`,
  args: z.object({}),
  examples: ['/undo'],
  run: (_args, request, services) => confirmUndo(request, services),
});
