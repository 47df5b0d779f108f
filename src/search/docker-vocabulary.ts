import { readFileSync } from 'node:fs';
import { z } from 'zod';

const VocabularySchema = z.object({
  source: z.string(),
  commands: z.array(z.string()),
  managementCommands: z.array(z.string()),
  swarmCommands: z.array(z.string()),
  plugins: z.array(z.string()),
  nounCommands: z.array(z.string()),
});

/**
 * The docker CLI's own words, from `docker-vocabulary.json` (its `source` says where each list comes from).
 * Together with the knowledge base's commands, keywords, aliases and titles, they make the engine's Docker
 * vocabulary: which words may be corrected into, which question terms are decisive, and what makes a
 * question a Docker question.
 */
export const DOCKER_CLI = VocabularySchema.parse(JSON.parse(readFileSync(new URL('./docker-vocabulary.json', import.meta.url), 'utf8')));

/** Every docker subcommand and plugin name (`cp`, `save`, `context`, `swarm`, `buildx`...). */
export const DOCKER_SUBCOMMANDS: ReadonlySet<string> = new Set([
  ...DOCKER_CLI.commands,
  ...DOCKER_CLI.managementCommands,
  ...DOCKER_CLI.swarmCommands,
  ...DOCKER_CLI.plugins,
]);

/**
 * The subcommands for which `docker X` becomes a term of its own (`docker cp` → `dockercp`): all but compose
 * (already its own word) and the management commands people use as nouns ("a docker volume").
 */
export const JOINED_SUBCOMMANDS: readonly string[] = [...DOCKER_SUBCOMMANDS].filter((c) => c !== 'compose' && !DOCKER_CLI.nounCommands.includes(c));

/** The prefix of a joined command term: `docker` + subcommand. */
export const JOINED_COMMAND_PREFIX = 'docker';
