import { Arg, DockerfileParser, Env, From, Label, type Instruction } from 'dockerfile-ast';

/** One instruction as the explainer and the rules need it. */
export interface DockerfileStep {
  /** Upper case: `RUN`, `COPY`. */
  keyword: string;
  /** 1-based first and last line (continuations and heredocs make them differ). */
  line: number;
  endLine: number;
  /** The instruction's first line as written, trimmed. */
  text: string;
  /** Everything after the keyword and flags, heredoc bodies included, continuations joined. */
  args: string;
  /** Its words after the flags, for COPY and ADD (the only instructions read word by word); empty for others. */
  words: string[];
  /** `--from=build` → `from` → [`build`]. */
  flags: Map<string, string[]>;
  /** For RUN, CMD, ENTRYPOINT, SHELL, COPY and ADD written as a JSON array: its strings. */
  execForm?: string[];
  heredoc: boolean;
  /** ENV, ARG and LABEL: name and value (null when an ARG has no default). */
  properties: [name: string, value: string | null][];
}

export interface DockerfileStage {
  /** 0-based, in order. */
  index: number;
  /** From `FROM … AS name`, as written. */
  name?: string;
  from: DockerfileStep;
  /** The base as written: `node:20-alpine`, `build`, `scratch`, `node:${VERSION}`. */
  base: string;
  /** The earlier stage this one starts from, when the base names one. */
  baseStage?: number;
  steps: DockerfileStep[];
}

export interface DockerfileModel {
  directives: { name: string; value: string; line: number }[];
  /** ARG instructions before the first FROM (only FROM lines can read them). */
  globalArgs: DockerfileStep[];
  stages: DockerfileStage[];
  /** Lines dockerfile-ast read as instructions it does not know (`RUNN`, prose). */
  unknown: DockerfileStep[];
}

export const KNOWN_INSTRUCTIONS = new Set(['FROM', 'RUN', 'CMD', 'LABEL', 'MAINTAINER', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT', 'VOLUME', 'USER', 'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL']);

/**
 * Reads a Dockerfile with dockerfile-ast (the parser of the Dockerfile language server): parser directives,
 * continuations, heredocs, flags such as `--mount` and `--from`, and stages. Does not judge anything; rules
 * and the explainer do. Linear in the text's length; callers bound it.
 */
export function readDockerfile(text: string): DockerfileModel {
  const dockerfile = DockerfileParser.parse(text);
  const lines = text.split('\n');
  const model: DockerfileModel = {
    directives: dockerfile.getDirectives().map((d) => ({ name: d.getName().toLowerCase(), value: d.getValue(), line: d.getRange().start.line + 1 })),
    globalArgs: [],
    stages: [],
    unknown: [],
  };
  for (const instruction of dockerfile.getInstructions()) {
    const step = toStep(instruction, lines);
    if (!KNOWN_INSTRUCTIONS.has(step.keyword)) model.unknown.push(step);
    else if (instruction instanceof From) model.stages.push(toStage(instruction, step, model.stages));
    else if (model.stages.length === 0) {
      if (step.keyword === 'ARG') model.globalArgs.push(step);
      else model.unknown.push(step);
    } else model.stages.at(-1)!.steps.push(step);
  }
  return model;
}

function toStep(instruction: Instruction, lines: readonly string[]): DockerfileStep {
  const range = instruction.getRange();
  const keyword = instruction.getKeyword().toUpperCase();
  const flags = new Map<string, string[]>();
  const withFlags = instruction as Instruction & { getFlags?: () => { getName(): string; getValue(): string | null }[] };
  for (const flag of withFlags.getFlags?.() ?? []) flags.set(flag.getName().toLowerCase(), [...(flags.get(flag.getName().toLowerCase()) ?? []), flag.getValue() ?? '']);
  const args = instruction.getArgumentsContent() ?? '';
  const withHeredocs = instruction as Instruction & { getHeredocs?: () => unknown[] };
  const step: DockerfileStep = {
    keyword,
    line: range.start.line + 1,
    endLine: range.end.line + 1,
    text: (lines[range.start.line] ?? '').trim(),
    args,
    // Reading words costs a pass over the instruction; only COPY and ADD need them.
    words: keyword === 'COPY' || keyword === 'ADD' ? instruction.getArguments().map((a) => a.getValue()) : [],
    flags,
    // getHeredocs re-reads the instruction, so it is asked only where a heredoc can be.
    heredoc: args.includes('<<') && (withHeredocs.getHeredocs?.().length ?? 0) > 0,
    properties: instruction instanceof Env || instruction instanceof Arg || instruction instanceof Label ? instruction.getProperties().map((p) => [p.getName(), p.getValue()]) : [],
  };
  const execForm = ['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'COPY', 'ADD'].includes(keyword) ? parseExecForm(args) : undefined;
  if (execForm) step.execForm = execForm;
  return step;
}

/** The strings of a JSON array argument (`["node", "server.js"]`), or undefined when it is not one. */
function parseExecForm(args: string): string[] | undefined {
  if (!/^\s*\[/.test(args)) return undefined;
  try {
    const parsed: unknown = JSON.parse(args);
    return Array.isArray(parsed) && parsed.every((s) => typeof s === 'string') ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function toStage(from: From, step: DockerfileStep, earlier: readonly DockerfileStage[]): DockerfileStage {
  const base = from.getImage() ?? '';
  const name = from.getBuildStage() ?? undefined;
  const baseStage = earlier.find((s) => s.name !== undefined && s.name.toLowerCase() === base.toLowerCase())?.index;
  return { index: earlier.length, ...(name ? { name } : {}), from: step, base, ...(baseStage !== undefined ? { baseStage } : {}), steps: [] };
}
