import { Resvg } from '@resvg/resvg-js';
import { z } from 'zod';
import { defineCommand } from '../../../src/core/command.ts';
import type { AnyCommand } from '../../../src/core/command.ts';

/** A small, real PNG: two boxes and an arrow, drawn by resvg like the diagrams. */
export const TEST_PNG: Uint8Array = new Resvg(
  '<svg xmlns="http://www.w3.org/2000/svg" width="320" height="120" viewBox="0 0 320 120">' +
    '<rect width="320" height="120" fill="#ffffff"/>' +
    '<rect x="20" y="30" width="100" height="60" rx="8" fill="#1d63ed"/>' +
    '<rect x="200" y="30" width="100" height="60" rx="8" fill="#2496ed"/>' +
    '<path d="M125 60 H190 M180 50 L195 60 L180 70" stroke="#333" stroke-width="4" fill="none"/></svg>',
  { font: { loadSystemFonts: false } },
)
  .render()
  .asPng();

const noArgs = z.object({});

let gateOpened: Promise<void> = Promise.resolve();
let openGate: () => void = () => undefined;
let gateReached: () => void = () => undefined;

/**
 * Closes the gate `/gated` waits at: `reached` resolves when a handler is waiting there, `open()` lets it
 * answer. For tests of work in flight (a shutdown waiting for it).
 */
export function closeGate(): { reached: Promise<void>; open: () => void } {
  gateOpened = new Promise((resolve) => (openGate = resolve));
  const reached = new Promise<void>((resolve) => (gateReached = resolve));
  return { reached, open: () => openGate() };
}

/**
 * Commands that exist only in the end-to-end tests, for paths no shipped command takes yet: an image reply
 * (what /diagram will send), the Manage Server check (what /daily will need), slow and failing handlers.
 */
export const TEST_COMMANDS: AnyCommand[] = [
  defineCommand({
    name: 'picture',
    description: 'Test only: a reply with a PNG, like a diagram',
    args: z.object({
      name: z.string().max(60).optional().describe('A diagram name, e.g. "image layers"').meta({ autocomplete: 'diagram' }),
    }),
    examples: ['/picture'],
    slow: true,
    run: () => ({
      tone: 'answer',
      title: 'Image vs container',
      text: 'An image is the template; containers are made from it.',
      image: { name: 'image-vs-container.png', png: TEST_PNG, alt: 'One image box with an arrow to a container box.', fallbackText: '[image] → [container]' },
      actions: [[{ id: 'v1:quiz:cards:image-vs-container', label: 'Quiz me on this', style: 'primary' }]],
    }),
  }),
  defineCommand({
    name: 'server-settings',
    description: 'Test only: changes a server setting',
    args: noArgs,
    examples: ['/server-settings'],
    permission: 'manage-server',
    run: () => ({ tone: 'success', title: 'Saved', text: 'The setting is saved.', ephemeral: true }),
  }),
  defineCommand({
    name: 'sluggish',
    description: 'Test only: answers after 300 ms, for its eyes only',
    args: noArgs,
    examples: ['/sluggish'],
    run: async () => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { tone: 'info', title: 'Done', text: 'That took a while.', ephemeral: true };
    },
  }),
  defineCommand({
    name: 'gated',
    description: 'Test only: answers once the test opens its gate (closeGate)',
    args: noArgs,
    examples: ['/gated'],
    run: async () => {
      gateReached();
      await gateOpened;
      return { tone: 'info', title: 'Gate passed', text: 'Answered after the gate opened.' };
    },
  }),
  defineCommand({
    name: 'broken',
    description: 'Test only: the handler throws',
    args: noArgs,
    examples: ['/broken'],
    run: () => {
      throw new Error('the database is on fire');
    },
  }),
  defineCommand({
    name: 'broken-late',
    description: 'Test only: a slow handler that throws after the acknowledgement',
    args: noArgs,
    examples: ['/broken-late'],
    slow: true,
    run: async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      throw new Error('lost the connection to the database');
    },
  }),
];
