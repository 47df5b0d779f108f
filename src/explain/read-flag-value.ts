import type { ValueReader } from './flag-inventory-schema.ts';
import type { Finding } from './explanation.ts';
import { describeImageReference, parseImageReference } from './image-reference.ts';

/** What a flag's value means in this command, with the findings it deserves. */
export interface ValueReading {
  explanation: string;
  /** A better topic than the flag's own for this value (a bind mount rather than volumes). */
  topic?: string;
  findings: Omit<Finding, 'line'>[];
}

/** Explains a flag value with the reader its inventory entry names. Every reader is linear in the value's length. */
export function readFlagValue(reader: ValueReader, value: string): ValueReading {
  switch (reader) {
    case 'publish':
      return readPublish(value);
    case 'volume':
      return readVolume(value);
    case 'mount':
      return readMount(value);
    case 'env':
      return readEnv(value);
    case 'restart':
      return readRestart(value);
    case 'network':
      return readNetwork(value);
    case 'image':
      return readImage(value, 'Names the built image', false);
  }
}

const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;
const isVariable = (s: string) => /\$/.test(s);

/** `[ip:][hostPort:]containerPort[/protocol]`, where ip may be IPv6 in brackets and ports may be ranges. */
function parsePublish(value: string): { ip?: string; hostPort?: string; containerPort: string; protocol: string } | undefined {
  const [address, protocol = 'tcp'] = value.split('/');
  let rest = address ?? '';
  let ip: string | undefined;
  const bracketed = /^(\[[0-9a-fA-F:.]+\]):(.*)$/.exec(rest);
  if (bracketed) [, ip, rest] = bracketed as unknown as [string, string, string];
  const parts = rest.split(':');
  if (parts.length > 3 || (ip && parts.length > 2) || !/^(tcp|udp|sctp)$/.test(protocol)) return undefined;
  const containerPort = parts.pop()!;
  const hostPort = parts.pop();
  if (parts.length === 1) ip = parts[0];
  const port = /^\d+(-\d+)?$/;
  if (!port.test(containerPort) || (hostPort && !port.test(hostPort))) return undefined;
  return { ...(ip ? { ip } : {}), ...(hostPort ? { hostPort } : {}), containerPort, protocol };
}

function readPublish(value: string): ValueReading {
  const match = parsePublish(value);
  if (!match) {
    return { explanation: `Publishes ${code(value)}, which is not in the ip:hostPort:containerPort[/protocol] form Docker expects.`, findings: [] };
  }
  const { ip, hostPort, containerPort, protocol } = match;
  const where = hostPort ? `host port ${hostPort}` : 'a random free host port (see `docker port`)';
  const plural = containerPort.includes('-') ? 'ports' : 'port';
  if (ip && ip !== '0.0.0.0' && ip !== '[::]') {
    const local = /^127\.|^\[::1\]$|^localhost$/.test(ip) ? ', so only this machine can reach it' : '';
    return { explanation: `Publishes container ${plural} ${containerPort}/${protocol} on ${where}, on host address ${ip} alone${local}.`, findings: [] };
  }
  return {
    explanation: `Publishes container ${plural} ${containerPort}/${protocol} on ${where}, on every host address.`,
    findings: [
      {
        rule: 'publish-on-all-addresses',
        severity: 'warning',
        message: `\`-p ${value}\` publishes on every address of the host (0.0.0.0), not only on localhost.`,
        why: 'Other machines that can reach the host can reach the port, and on Linux Docker adds its own firewall rules, which host firewalls such as ufw do not filter.',
        fix: `To keep it on this machine, publish on the loopback address: \`-p 127.0.0.1:${hostPort ? `${hostPort}:` : ''}${containerPort}\`.`,
        topic: 'port-publishing',
      },
    ],
  };
}

const SOCKET = /(^|\/)docker\.sock$|^\/\/\.\/pipe\/docker_engine$/;

function socketFinding(source: string): Omit<Finding, 'line'> {
  return {
    rule: 'docker-socket-mount',
    severity: 'warning',
    message: `Mounting ${code(source)} gives the container the Docker API.`,
    why: 'Whoever controls the Docker API controls the host: the container can start a privileged container that mounts the host\'s root filesystem.',
    fix: 'Mount it only into tools you trust that need it (mounting it read-only does not limit what the API allows), or put a socket proxy in front that allows only the calls needed.',
    topic: 'container-security',
  };
}

/** `-v source:target[:options]`: a bind mount when the source is a path, a named volume otherwise. */
function readVolume(value: string): ValueReading {
  // A Windows drive letter (C:\ or C:/) is part of the path, not a separator.
  const parts = value.match(/(?:^[A-Za-z]:[\\/])?[^:]*/g)?.filter((p, i, all) => p !== '' || i < all.length - 1) ?? [value];
  const [first = '', second, options] = parts.filter((p) => p !== '');
  if (second === undefined) {
    return { explanation: `Creates an anonymous volume mounted at ${code(first)}: Docker names it with a random ID, and \`docker run --rm\` or \`docker rm -v\` removes it.`, topic: 'volumes', findings: [] };
  }
  const mode = options ? describeMountOptions(options) : '';
  const isPath = /^[/.~]|^[A-Za-z]:[\\/]/.test(first) || isVariable(first);
  const findings = SOCKET.test(first) ? [socketFinding(first)] : [];
  if (isPath) {
    return { explanation: `Bind-mounts the host path ${code(first)} at ${code(second)} in the container: both see the same files${mode}.`, topic: 'bind-mounts', findings };
  }
  return { explanation: `Mounts the named volume ${code(first)} at ${code(second)} (Docker creates the volume if it does not exist; its data outlives the container)${mode}.`, topic: 'volumes', findings };
}

function describeMountOptions(options: string): string {
  const words = options.split(',');
  const said: string[] = [];
  if (words.includes('ro') || words.includes('readonly')) said.push('read-only inside the container');
  if (words.includes('z')) said.push('relabelled for SELinux so several containers may share it');
  if (words.includes('Z')) said.push('relabelled for SELinux for this container only');
  return said.length > 0 ? `; ${said.join(', ')}` : '';
}

/** `--mount type=bind,source=…,target=…,readonly`. */
function readMount(value: string): ValueReading {
  const fields = new Map(value.split(',').map((pair) => {
    const at = pair.indexOf('=');
    return at < 0 ? [pair, 'true'] : [pair.slice(0, at), pair.slice(at + 1)];
  }));
  const type = fields.get('type') ?? 'volume';
  const source = fields.get('source') ?? fields.get('src');
  const target = fields.get('target') ?? fields.get('destination') ?? fields.get('dst') ?? '?';
  const readOnly = ['readonly', 'ro'].some((k) => fields.has(k) && fields.get(k) !== 'false') ? ', read-only' : '';
  const findings = source && SOCKET.test(source) ? [socketFinding(source)] : [];
  switch (type) {
    case 'bind':
      return { explanation: `Bind-mounts the host path ${code(source ?? '?')} at ${code(target)}${readOnly}; unlike -v, it fails if the host path does not exist.`, topic: 'bind-mounts', findings };
    case 'tmpfs':
      return { explanation: `Mounts an in-memory tmpfs at ${code(target)}; its contents vanish when the container stops.`, topic: 'tmpfs-mounts', findings };
    case 'volume':
      return {
        explanation: source
          ? `Mounts the named volume ${code(source)} at ${code(target)}${readOnly} (created if it does not exist).`
          : `Mounts a new anonymous volume at ${code(target)}${readOnly}.`,
        topic: 'volumes',
        findings,
      };
    default:
      return { explanation: `Mounts storage of type ${code(type)} at ${code(target)}.`, findings };
  }
}

const SECRET_NAME = /pass(word)?|secret|token|api_?key|private_?key|credential/i;

function readEnv(value: string): ValueReading {
  const at = value.indexOf('=');
  if (at < 0) {
    return { explanation: `Passes the variable ${code(value)} from your shell's environment into the container (it stays unset if your shell has none).`, findings: [] };
  }
  const name = value.slice(0, at);
  const findings: Omit<Finding, 'line'>[] =
    SECRET_NAME.test(name) && at < value.length - 1 && !isVariable(value.slice(at + 1))
      ? [
          {
            rule: 'secret-in-command',
            severity: 'warning',
            message: `${code(name)} is given its value on the command line.`,
            why: 'Anyone who can run `docker inspect` on the container sees it, and your shell history keeps it.',
            fix: `Pass it from the environment (\`-e ${name}\`) or an env file kept out of version control (\`--env-file\`), or use a secret where the platform offers one.`,
            topic: 'environment-variables',
          },
        ]
      : [];
  return { explanation: `Sets the environment variable ${code(name)} to ${code(value.slice(at + 1))} inside the container.`, findings };
}

function readRestart(value: string): ValueReading {
  const [policy, retries] = value.split(':');
  const meanings: Record<string, string> = {
    no: 'Never restarts the container (the default).',
    always: 'Restarts the container whenever it stops, and when the Docker daemon starts; a manual `docker stop` holds until the daemon restarts.',
    'unless-stopped': 'Restarts the container whenever it stops, and when the daemon starts, unless you stopped it yourself.',
    'on-failure': `Restarts the container only when it exits with a non-zero code${retries ? `, at most ${retries} times` : ''}.`,
  };
  return { explanation: meanings[policy ?? ''] ?? `Sets the restart policy to ${code(value)}, which Docker does not know (no, always, unless-stopped, on-failure[:N]).`, findings: [] };
}

function readNetwork(value: string): ValueReading {
  if (value === 'host') {
    return {
      explanation: 'Shares the host\'s network stack: the container\'s ports are the host\'s ports directly, and -p has no effect.',
      findings: [
        {
          rule: 'host-network',
          severity: 'warning',
          message: '`--network host` removes network isolation between the container and the host.',
          why: 'Every port the container listens on is open on the host, and it can reach services bound to the host\'s localhost.',
          fix: 'Use the default bridge or a user-defined network and publish only the ports you need with -p.',
          topic: 'container-networking',
        },
      ],
    };
  }
  if (value === 'none') return { explanation: 'Gives the container no network at all except its own loopback.', findings: [] };
  if (value === 'bridge') return { explanation: 'Connects the container to the default bridge network (what happens without --network).', findings: [] };
  if (value.startsWith('container:')) return { explanation: `Shares the network stack of container ${code(value.slice(10))}: same IP address and ports.`, findings: [] };
  return { explanation: `Connects the container to the network ${code(value)}, where containers reach each other by name.`, findings: [] };
}

/** An image reference in a flag value (`-t app:1`) or an operand, with the `latest` finding when `warnLatest`. */
export function readImage(value: string, lead: string, warnLatest: boolean): ValueReading {
  if (isVariable(value)) return { explanation: `${lead} ${code(value)}, which the shell fills in from a variable before Docker sees it.`, topic: 'tags-and-latest', findings: [] };
  const ref = parseImageReference(value);
  if (!ref) {
    return { explanation: `${lead} ${code(value)}, which is not a valid image reference (repository names are lower case; the form is [registry/]repository[:tag][@digest]).`, topic: 'tags-and-latest', findings: [] };
  }
  const findings: Omit<Finding, 'line'>[] =
    warnLatest && ref.tag === 'latest' && !ref.digest
      ? [
          {
            rule: 'latest-tag',
            severity: 'warning',
            message: ref.tagWritten ? `${code(value)} uses the \`latest\` tag.` : `${code(value)} has no tag, so Docker uses \`latest\`.`,
            why: '`latest` is just the default tag name, not "the newest": it points at whatever was pushed last under it, so the same command can run different images on different days.',
            fix: `Name a version: \`${ref.registryWritten ? `${ref.registry}/` : ''}${ref.repository.replace(/^library\//, '')}:<version>\`, or pin a digest.`,
            topic: 'tags-and-latest',
          },
        ]
      : [];
  return { explanation: `${lead} ${code(value)}: ${describeImageReference(ref)}.`, topic: 'tags-and-latest', findings };
}
