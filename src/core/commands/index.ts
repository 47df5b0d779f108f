import { CommandRegistry } from '../command-registry.ts';
import { askCommand } from './ask.ts';
import { explainCommand } from './explain.ts';
import { explainCommandCommand } from './explain-command.ts';
import { explainDockerfileCommand } from './explain-dockerfile.ts';
import { forgetMeCommand } from './forget-me.ts';
import { diagramCommand } from './diagram.ts';
import { createHelpCommand } from './help.ts';
import { leaderboardCommand } from './leaderboard.ts';
import { quizCommand } from './quiz.ts';
import { resetCommand } from './reset.ts';
import { reviewCommand } from './review.ts';
import { settingsCommand } from './settings.ts';
import { statsCommand } from './stats.ts';
import { topicsCommand } from './topics.ts';
import { undoCommand } from './undo.ts';

/** Every command the bot offers, in the order `/help` lists them. */
export function createCommandRegistry(): CommandRegistry {
  const registry: CommandRegistry = new CommandRegistry([
    askCommand,
    explainCommand,
    explainCommandCommand,
    explainDockerfileCommand,
    topicsCommand,
    quizCommand,
    reviewCommand,
    statsCommand,
    leaderboardCommand,
    settingsCommand,
    undoCommand,
    resetCommand,
    diagramCommand,
    forgetMeCommand,
    createHelpCommand(() => registry),
  ]);
  return registry;
}
