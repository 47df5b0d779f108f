import { createInterface } from 'node:readline/promises';
import type { App } from '../../app.ts';
import { ConsoleChat, type ConsoleChatOptions } from './console-chat.ts';
import { BRACKETED_PASTE, BracketedPasteJoiner, restorePastedLines } from './bracketed-paste.ts';
import { useColor, type ColorSettings } from './terminal-color.ts';

const EXIT_WORDS = new Set(['exit', 'quit', '/exit', '/quit']);

/**
 * Runs the interactive chat on stdin/stdout until the user types `exit` or closes the input. On a terminal a
 * paste is one message (bracketed paste); piped input is one message per line.
 */
export async function runConsole(
  app: App,
  io: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream },
  { colorSettings, ...options }: Pick<ConsoleChatOptions, 'imageDir' | 'fileDir'> & { colorSettings?: ColorSettings } = {},
): Promise<void> {
  const isTerminal = 'isTTY' in io.output && Boolean(io.output.isTTY);
  const columns = 'columns' in io.output && typeof io.output.columns === 'number' ? io.output.columns : 0;
  const chat = new ConsoleChat(app, { color: useColor(isTerminal, colorSettings), width: Math.min(columns, 100), ...options });
  const pastes = 'isTTY' in io.input && Boolean(io.input.isTTY) && isTerminal;
  // readline puts a terminal in raw mode itself, but here it reads through the joiner, so that is done here.
  const rawMode = pastes && 'setRawMode' in io.input && typeof io.input.setRawMode === 'function' ? io.input.setRawMode.bind(io.input) : undefined;
  rawMode?.(true);
  const input = pastes ? io.input.pipe(new BracketedPasteJoiner()) : io.input;
  const rl = createInterface({ input, output: io.output, terminal: isTerminal });
  const write = (text: string) => io.output.write(`${text}\n`);
  if (pastes) io.output.write(BRACKETED_PASTE.ENABLE);

  write(
    `Stevedore: your Docker study companion (${app.services.knowledge.size} topics).\n` +
      'Ask a question in your own words, type /help for commands, or exit to leave.',
  );
  rl.setPrompt('\n› ');
  rl.prompt();
  try {
    for await (const typed of rl) {
      const line = restorePastedLines(typed);
      if (EXIT_WORDS.has(line.trim().toLowerCase())) break;
      if (line.trim().length > 0) write(`\n${await chat.handleLine(line)}`);
      rl.prompt();
    }
  } finally {
    rl.close();
    if (pastes) io.output.write(BRACKETED_PASTE.DISABLE);
    rawMode?.(false);
  }
}
