import { z } from 'zod';

/**
 * Code-side readers that explain a flag's value in this command (`8080:80` → "container port 80 on host port
 * 8080, on every host address"). A flag without one explains its value through its `{value}` template.
 */
export const VALUE_READERS = ['publish', 'volume', 'mount', 'env', 'restart', 'network', 'image'] as const;
export type ValueReader = (typeof VALUE_READERS)[number];

/**
 * What a positional operand is, which decides how it is explained: `image` is split into registry, repository,
 * tag and digest; `command` takes every remaining word (flags included) as the container's command.
 */
export const OPERAND_KINDS = ['image', 'command', 'container', 'context', 'copy-path', 'object', 'volume', 'network', 'service'] as const;
export type OperandKind = (typeof OPERAND_KINDS)[number];

const kebab = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case');

export const FlagSpecSchema = z.strictObject({
  /** Without dashes: `publish`. Compose keeps its capitals (`no-TTY`). */
  long: z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9-]*$/, 'must be a flag name without its dashes'),
  short: z.string().regex(/^[a-zA-Z0-9]$/, 'must be one letter or digit without its dash').optional(),
  /** The value type the source prints (`list`, `string`, `stringArray`, …); `bool` for a switch. */
  type: z.string().min(1),
  /** Snapshot names (without extension) that list the flag, when not all of the command's snapshots do. */
  onlyIn: z.array(z.string().min(1)).optional(),
  /** One or two sentences in our own words; `{value}` stands for the value given in the command. */
  explanation: z.string().min(10).max(400),
  /** A knowledge topic id that teaches the flag, when it is not the command's own topic. */
  topic: kebab.optional(),
  reader: z.enum(VALUE_READERS).optional(),
});
export type FlagSpec = z.infer<typeof FlagSpecSchema>;

export const OperandSpecSchema = z.strictObject({
  /** As the usage line names it: `IMAGE`, `CONTAINER`. */
  name: z.string().regex(/^[A-Z_]+$/, 'must be upper case, as in the usage line'),
  kind: z.enum(OPERAND_KINDS),
  optional: z.boolean().optional(),
  /** Takes one or more (with `optional`, zero or more) words. */
  repeat: z.boolean().optional(),
});
export type OperandSpec = z.infer<typeof OperandSpecSchema>;

/** One file of `docker-cli/`: one subcommand, its aliases, operands and flags. */
export const CommandFileSchema = z.strictObject({
  /** The words after `docker` (`run`, `compose up`); empty for `docker` itself, whose flags are global. */
  command: z.string().regex(/^([a-z]+( [a-z]+)*)?$/, 'must be lower-case words separated by single spaces'),
  aliases: z.array(z.string().regex(/^[a-z]+( [a-z]+)*$/)).optional(),
  /** What the subcommand does, one sentence in our own words. */
  summary: z.string().min(10).max(300),
  topic: kebab,
  /** The release its flags were taken from, as learners see it in messages: `Docker CLI 28.2.2`, `Docker Compose v2.36.2`. */
  version: z.string().regex(/^Docker [A-Za-z ]+v?\d+\.\d+\.\d+/, 'must name the release, e.g. "Docker CLI 28.2.2"'),
  /** A group (`docker`, `docker compose`) has flags of its own and subcommands, not operands. */
  group: z.boolean().optional(),
  /** Files in `docker-cli/snapshots/` its flags are checked against, current builder first. */
  snapshots: z.array(z.string().regex(/^[a-z0-9-]+\.(txt|md)$/)).min(1),
  operands: z.array(OperandSpecSchema),
  /** Takes another command's flags, less some: `docker create` is `docker run` without its attach flags. */
  flagsFrom: z.strictObject({ command: z.string().min(1), except: z.array(z.string()) }).optional(),
  flags: z.array(FlagSpecSchema),
});
export type CommandFile = z.infer<typeof CommandFileSchema>;
