import { mkdir, writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { App } from '../../app.ts';
import { describeFailure, describeProblem, handleAction, parseCommandLine, type CommandRequest, type Reply, type ReplyAction } from '../../core/index.ts';
import { renderReplyForTerminal, type TerminalStyle } from './render-terminal.ts';

export interface ConsoleChatOptions extends TerminalStyle {
  /** The clock; tests pass a fixed one. Default: the system clock. */
  now?: () => Date;
  /** Name shown for the local user. Default: `you`. */
  userName?: string;
  /** The local user's IANA time zone, for study streaks. Default: the system's. */
  timeZone?: string;
  /** Where diagrams are saved as PNG files so the user can open them. Default: `./data/diagrams`. */
  imageDir?: string;
  /** Where attached files (a full explanation report) are saved. Default: `./data/reports`. */
  fileDir?: string;
}

/**
 * The console front end: a message in, rendered text out. Lines starting with `/` are commands; a number
 * within the last reply's buttons, or a letter that labels one (A–D of a multiple-choice question), presses
 * it; a lone command word (`help`, `quiz`) runs that command; anything else is a question.
 */
export class ConsoleChat {
  readonly #app: App;
  readonly #options: Required<ConsoleChatOptions>;
  #lastActions: ReplyAction[] = [];

  constructor(app: App, options: ConsoleChatOptions = {}) {
    this.#app = app;
    this.#options = {
      color: false,
      width: 0,
      now: () => new Date(),
      userName: 'you',
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      imageDir: './data/diagrams',
      fileDir: './data/reports',
      ...options,
    };
  }

  async handleLine(line: string): Promise<string> {
    const input = line.trim();
    const request: CommandRequest = {
      platform: 'console',
      user: { id: 'console', name: this.#options.userName },
      now: this.#options.now(),
      timeZone: this.#options.timeZone,
    };
    const { registry, services } = this.#app;

    const pressed = this.#buttonFor(input);
    const word = input.toLowerCase().replace(/[.!?]+$/, '');
    const work = async (): Promise<Reply> => {
      if (pressed === 'out-of-range') return describeButtonNumbers(this.#lastActions.length);
      if (pressed) return handleAction(pressed.id, request, services);
      if (input.startsWith('/') || registry.get(word)) {
        const parsed = parseCommandLine(registry, input.startsWith('/') ? input : `/${word}`);
        return parsed.ok ? registry.execute(parsed.value.name, parsed.value.args, request, services) : describeProblem(parsed.problem);
      }
      return registry.execute('ask', { question: input }, request, services);
    };
    // A failure (a locked database, a bug) is a reply like any other: the chat goes on.
    const reply = await work().catch(describeFailure);

    let imagePath: string | undefined;
    if (reply.image) {
      imagePath = resolve(this.#options.imageDir, reply.image.name);
      await mkdir(this.#options.imageDir, { recursive: true });
      await writeFile(imagePath, reply.image.png);
    }
    let filePath: string | undefined;
    if (reply.file) {
      filePath = resolve(this.#options.fileDir, basename(reply.file.name));
      await mkdir(this.#options.fileDir, { recursive: true });
      await writeFile(filePath, reply.file.data);
    }
    const rendered = renderReplyForTerminal(reply, this.#options, imagePath, filePath);
    // A reply about which numbers exist keeps the buttons it talks about.
    if (pressed !== 'out-of-range') this.#lastActions = rendered.actions;
    return rendered.text;
  }

  /**
   * The button a message presses: a number within the shown buttons' range, or a letter that is a button's
   * whole label (A–D, any case). A small number outside the range is `out-of-range`; larger numbers (an exit
   * code such as 137) and everything else are not presses.
   */
  #buttonFor(input: string): ReplyAction | 'out-of-range' | undefined {
    if (/^\d{1,2}$/.test(input)) return this.#lastActions[Number(input) - 1] ?? 'out-of-range';
    if (/^[a-z]$/i.test(input)) return this.#lastActions.find((a) => a.label.toUpperCase() === input.toUpperCase());
    return undefined;
  }
}

/** Which numbers press something now, for a number that does not. */
function describeButtonNumbers(count: number): Reply {
  return {
    tone: 'error',
    title: count === 0 ? 'No buttons to press' : 'No button with that number',
    text:
      count === 0
        ? 'The last reply has no buttons. Ask a question, or type `/help` to see what I can do.'
        : `Type a number from 1 to ${count} to press one of the buttons above, or ask a question.`,
  };
}
