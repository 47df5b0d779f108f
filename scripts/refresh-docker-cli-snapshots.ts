/**
 * Refreshes the `--help` snapshots the flag inventory (`docker-cli/`) is checked against.
 *
 *   npx tsx scripts/refresh-docker-cli-snapshots.ts                       # the installed Docker CLI's --help
 *   npx tsx scripts/refresh-docker-cli-snapshots.ts --buildx DIR@v0.24.0 --compose DIR@v2.36.2
 *
 * The Docker CLI's own subcommands come from `docker <sub> --help`. Compose and Buildx are plugins that may not
 * be installed, so their flags come from the option tables of their reference documentation, read with
 * `git show TAG:docs/reference/…` from a clone of docker/buildx or docker/compose at the tag that shipped
 * with that Docker release. Each snapshot starts with one `#` line naming its source and version; after a
 * refresh, `npx vitest run test/unit/explain/flag-inventory-snapshots.test.ts` lists the flags the inventory
 * lacks.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SNAPSHOT_DIR = fileURLToPath(new URL('../docker-cli/snapshots/', import.meta.url));

/** Subcommands read from `docker … --help` (the empty one is `docker --help`, the global options); the file name is
 * `docker` and the words joined by `-`. */
export const CLI_SUBCOMMANDS = [
  '', 'run', 'create', 'exec', 'build', 'ps', 'images', 'rm', 'rmi', 'stop', 'kill', 'start', 'restart', 'logs',
  'pull', 'push', 'tag', 'inspect', 'cp',
  'volume create', 'volume ls', 'volume rm', 'volume inspect', 'volume prune',
  'network create', 'network ls', 'network rm', 'network inspect', 'network connect', 'network disconnect', 'network prune',
  'system prune', 'image prune', 'container prune',
];

/** Plugin subcommands read from their reference documentation: [file name, repository, doc path]. */
const PLUGIN_DOCS: [string, 'buildx' | 'compose', string][] = [
  ['buildx-build', 'buildx', 'docs/reference/buildx_build.md'],
  ['compose', 'compose', 'docs/reference/compose.md'],
  ...['up', 'down', 'logs', 'exec', 'run', 'build'].map((sub): [string, 'compose', string] => [`compose-${sub}`, 'compose', `docs/reference/compose_${sub}.md`]),
];

function docker(args: string[]): string {
  return execFileSync('docker', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
}

function refreshCliHelp(): void {
  const version = docker(['--version']).trim();
  for (const sub of CLI_SUBCOMMANDS) {
    const words = sub.split(' ').filter(Boolean);
    const help = docker([...words, '--help']);
    const file = ['docker', ...words].join('-');
    writeFileSync(path.join(SNAPSHOT_DIR, `${file}.txt`), `# ${['docker', ...words, '--help'].join(' ')}, ${version}\n${help}`);
  }
  console.log(`${CLI_SUBCOMMANDS.length} --help snapshots from ${version}`);
}

/** The generated options table of a reference page (between its MARKER_GEN comments, from `### Options`). */
function optionsTable(markdown: string): string {
  const generated = /<!---MARKER_GEN_START-->([\s\S]*?)<!---MARKER_GEN_END-->/.exec(markdown)?.[1] ?? '';
  const options = generated.indexOf('### Options');
  return options < 0 ? '' : generated.slice(options).trim();
}

function refreshPluginDocs(plugin: 'buildx' | 'compose', source: string): void {
  const [dir, tag] = source.split('@');
  if (!dir || !tag) throw new Error(`--${plugin} wants DIR@TAG, got "${source}"`);
  for (const [file, owner, docPath] of PLUGIN_DOCS.filter(([, p]) => p === plugin)) {
    const markdown = execFileSync('git', ['-C', dir, 'show', `${tag}:${docPath}`], { encoding: 'utf8' });
    writeFileSync(path.join(SNAPSHOT_DIR, `${file}.md`), `# docker/${owner} ${tag} ${docPath}\n${optionsTable(markdown)}\n`);
  }
  console.log(`${plugin} snapshots from ${tag}`);
}

const args = process.argv.slice(2);
refreshCliHelp();
for (const plugin of ['buildx', 'compose'] as const) {
  const at = args.indexOf(`--${plugin}`);
  if (at >= 0) refreshPluginDocs(plugin, args[at + 1] ?? '');
}
