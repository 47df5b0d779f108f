import type { OperandKind } from './flag-inventory-schema.ts';
import { readImage, type ValueReading } from './read-flag-value.ts';
import { quoteWord } from './quote-word.ts';

const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;

/** Commands whose image operand runs or fetches an image, where an implicit `latest` deserves a warning. */
const IMAGE_USERS = new Set(['run', 'create', 'pull']);

/** What one positional operand means for its command. `words` holds more than one word only for `command`. */
export function describeOperand(kind: OperandKind, words: readonly string[], commandPath: string): ValueReading {
  const value = words.map(quoteWord).join(' ');
  const none: ValueReading['findings'] = [];
  const substituted = /^(\$\(|`)/.test(value) && words.length === 1;
  if (substituted && kind !== 'command') {
    const inner = value.startsWith('$(') ? value.slice(2, -1) : value.slice(1, -1);
    return { explanation: `Filled in by the shell with the output of ${code(inner.trim())}: each word of it becomes one ${kind} argument.`, findings: none };
  }
  switch (kind) {
    case 'image':
      return readImage(value, commandPath === 'tag' ? 'The image name' : 'The image', IMAGE_USERS.has(commandPath));
    case 'command':
      return {
        explanation: /exec$/.test(commandPath)
          ? `The command to run inside the container: ${code(value)}.`
          : `The command the container runs, ${code(value)}, replacing the image's CMD (if the image has an ENTRYPOINT, these words become its arguments).`,
        topic: /exec$/.test(commandPath) ? 'docker-exec' : 'cmd-vs-entrypoint',
        findings: none,
      };
    case 'container':
      return { explanation: `The container ${code(value)}, by name or ID (a unique start of the ID is enough).`, findings: none };
    case 'context':
      return { explanation: describeContext(value), topic: 'docker-build', findings: none };
    case 'copy-path': {
      const inContainer = /^([a-zA-Z0-9][a-zA-Z0-9_.-]*):(.*)$/.exec(value);
      if (inContainer && !/^[A-Za-z]:[\\/]/.test(value)) return { explanation: `The path ${code(inContainer[2] || '/')} inside container ${code(inContainer[1]!)}.`, findings: none };
      if (value === '-') return { explanation: 'Standard input or output, as a tar archive.', findings: none };
      return { explanation: `The path ${code(value)} on the host.`, findings: none };
    }
    case 'object':
      return { explanation: `The object to inspect: ${code(value)} (a container, image, volume or network, by name or ID).`, findings: none };
    case 'volume':
      return { explanation: `The volume ${code(value)}.`, topic: 'volumes', findings: none };
    case 'network':
      return { explanation: `The network ${code(value)}.`, topic: 'container-networking', findings: none };
    case 'service':
      return { explanation: `The service ${code(value)}, as the Compose file names it.`, topic: 'docker-compose', findings: none };
  }
}

function describeContext(value: string): string {
  if (value === '-') return 'The build context comes from standard input (a Dockerfile alone, or a tar archive).';
  if (/^(https?:\/\/|git@|github\.com\/)/.test(value)) return `The build context is the remote ${code(value)} (a Git repository or a tarball), fetched by the builder.`;
  const folder = value === '.' ? 'the current folder' : `the folder ${code(value)}`;
  return `The build context: ${folder}, sent to the builder (files matched by .dockerignore are left out). COPY and ADD can only read from it, and the Dockerfile is read from its root unless -f names another.`;
}
