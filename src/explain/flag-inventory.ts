import type { CommandFile, FlagSpec } from './flag-inventory-schema.ts';

/** One subcommand of the inventory with its flags resolved (`flagsFrom` applied) and indexed. */
export interface InventoryCommand {
  /** The canonical words after `docker` (`run`, `compose up`); empty for `docker` itself. */
  path: string;
  file: CommandFile;
  flags: readonly FlagSpec[];
  /** Flags by long name without dashes (`publish`). */
  byLong: ReadonlyMap<string, FlagSpec>;
  /** Flags by short form without its dash (`p`). */
  byShort: ReadonlyMap<string, FlagSpec>;
  /** How many operands the command needs at least (`docker rm` one, `docker ps` none). */
  minOperands: number;
}

/**
 * The Docker CLI's subcommands and flags as the `docker-cli/` folder records them, looked up by the words a
 * pasted command uses (`container ls` and `ps` are the same command).
 */
export class FlagInventory {
  readonly #byPath = new Map<string, InventoryCommand>();
  readonly #groups = new Set<string>();

  constructor(files: readonly CommandFile[]) {
    const byCommand = new Map(files.map((f) => [f.command, f]));
    for (const file of files) {
      const inherited = file.flagsFrom ? (byCommand.get(file.flagsFrom.command)?.flags ?? []).filter((f) => !file.flagsFrom!.except.includes(f.long)) : [];
      const flags = [...inherited, ...file.flags];
      const entry: InventoryCommand = {
        path: file.command,
        file,
        flags,
        byLong: new Map(flags.map((f) => [f.long, f])),
        byShort: new Map(flags.filter((f) => f.short).map((f) => [f.short!, f])),
        minOperands: file.operands.filter((o) => !o.optional).length,
      };
      for (const path of [file.command, ...(file.aliases ?? [])]) {
        this.#byPath.set(path, entry);
        const words = path.split(' ');
        for (let i = 1; i < words.length; i++) this.#groups.add(words.slice(0, i).join(' '));
      }
    }
  }

  /** The command at these words after `docker` (`run`, `image ls`), or undefined. */
  get(path: string): InventoryCommand | undefined {
    return this.#byPath.get(path);
  }

  /** Whether these words start a longer command (`compose`, `image`, `volume`). */
  isGroup(path: string): boolean {
    return this.#groups.has(path);
  }

  /** Every command, once each. */
  commands(): InventoryCommand[] {
    return [...new Set(this.#byPath.values())];
  }
}
