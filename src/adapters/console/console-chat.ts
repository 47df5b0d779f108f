import { mkdir, writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { App } from '../../app.ts';
import { describeFailure, describeProblem, handleAction, parseCommandLine, type CommandRequest, type ReplyAction } from '../../core/index.ts';
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
 * The console front end: a line of input in, rendered text out. Lines starting with `/` are commands, a
 * number presses the matching button of the last reply, anything else is a question.
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

    const work = async () => {
      if (/^\d{1,2}$/.test(input) && this.#lastActions.length > 0) {
        const action = this.#lastActions[Number(input) - 1];
        return action ? handleAction(action.id, request, services) : describeProblem({ code: 'invalid-action' });
      }
      if (input.startsWith('/')) {
        const parsed = parseCommandLine(registry, input);
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
    this.#lastActions = rendered.actions;
    return rendered.text;
  }
}
