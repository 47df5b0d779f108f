import { createInterface } from 'node:readline/promises';
import type { App } from '../../app.ts';
import { ConsoleChat, type ConsoleChatOptions } from './console-chat.ts';

const EXIT_WORDS = new Set(['exit', 'quit', '/exit', '/quit']);

/** Runs the interactive chat on stdin/stdout until the user types `exit` or closes the input. */
export async function runConsole(
  app: App,
  io: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream },
  options: Pick<ConsoleChatOptions, 'imageDir' | 'fileDir'> = {},
): Promise<void> {
  const isTerminal = 'isTTY' in io.output && Boolean(io.output.isTTY);
  const columns = 'columns' in io.output && typeof io.output.columns === 'number' ? io.output.columns : 0;
  const chat = new ConsoleChat(app, { color: isTerminal, width: Math.min(columns, 100), ...options });
  const rl = createInterface({ input: io.input, output: io.output, terminal: isTerminal });
  const write = (text: string) => io.output.write(`${text}\n`);

  write(
    `Stevedore: your Docker study companion (${app.services.knowledge.size} topics).\n` +
      'Ask a question in your own words, type /help for commands, or exit to leave.',
  );
  rl.setPrompt('\n› ');
  rl.prompt();
  for await (const line of rl) {
    if (EXIT_WORDS.has(line.trim().toLowerCase())) break;
    if (line.trim().length > 0) write(`\n${await chat.handleLine(line)}`);
    rl.prompt();
  }
  rl.close();
}
