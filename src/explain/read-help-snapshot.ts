/** A flag as a `--help` snapshot or a reference page's options table lists it. */
export interface SnapshotFlag {
  /** Without dashes: `publish`. */
  long: string;
  /** One character without its dash, where the flag has one: `p`. */
  short?: string;
  /** The value type the source prints (`list`, `string`, `stringArray`, …), or `bool` for a switch. */
  type: string;
}

/** What a snapshot says about one subcommand. */
export interface HelpSnapshot {
  /** The snapshot's first line: its source and version. */
  source: string;
  /** `docker run [OPTIONS] IMAGE [COMMAND] [ARG...]`, where the source prints one. */
  usage?: string;
  flags: SnapshotFlag[];
}

const CLI_FLAG_LINE = /^ {2,}(?:-([A-Za-z0-9]), )?--([a-z0-9][a-z0-9-]*)(?: ([A-Za-z0-9-]+))?(?: {2,}|$)/;
const TABLE_FLAG_CELL = /^\|\s*(.*?)\s*\|\s*`([^`]+)`\s*\|/;

/**
 * Reads the flags of a snapshot: the output of `docker … --help` (`.txt`) or the generated options table of a
 * Compose or Buildx reference page (`.md`), each starting with a `#` line naming its source. `--help` itself is
 * left out: every subcommand has it.
 */
export function readHelpSnapshot(text: string, format: 'help' | 'table'): HelpSnapshot {
  const [first = '', ...lines] = text.split('\n');
  const flags: SnapshotFlag[] = [];
  for (const line of lines) {
    const flag = format === 'help' ? cliFlag(line) : tableFlag(line);
    if (flag && flag.long !== 'help') flags.push(flag);
  }
  const usage = /^Usage:\s+(.+)$/m.exec(text)?.[1]?.trim();
  return { source: first.replace(/^#\s*/, ''), ...(usage ? { usage } : {}), flags };
}

function cliFlag(line: string): SnapshotFlag | undefined {
  const match = CLI_FLAG_LINE.exec(line);
  if (!match) return undefined;
  return { long: match[2]!, ...(match[1] ? { short: match[1] } : {}), type: match[3] ?? 'bool' };
}

function tableFlag(line: string): SnapshotFlag | undefined {
  const match = TABLE_FLAG_CELL.exec(line);
  if (!match) return undefined;
  const names = [...match[1]!.matchAll(/`(--?[A-Za-z0-9][A-Za-z0-9-]*)`/g)].map((m) => m[1]!);
  const long = names.find((n) => n.startsWith('--'));
  if (!long) return undefined;
  const short = names.find((n) => /^-[A-Za-z0-9]$/.test(n));
  return { long: long.slice(2), ...(short ? { short: short.slice(1) } : {}), type: match[2]! };
}
