import { describe, expect, test } from 'vitest';
import { splitShellCommands } from '../../../src/explain/split-shell-commands.ts';

const split = (text: string) => {
  const result = splitShellCommands(text);
  if (!result.ok) throw new Error(result.problem.code);
  return result.value;
};

describe('splitShellCommands', () => {
  test('GIVEN backslash continuations THEN they join one command, and the next line starts another', () => {
    const { commands } = split('docker run -d \\\n  -p 80:80 \\\r\n  nginx\ndocker ps');
    expect(commands).toEqual([
      { words: ['docker', 'run', '-d', '-p', '80:80', 'nginx'], line: 1 },
      { words: ['docker', 'ps'], line: 4 },
    ]);
  });

  test('GIVEN PowerShell and cmd line continuations THEN they join too', () => {
    expect(split('docker run -d `\n -p 80:80 nginx').commands[0]!.words).toEqual(['docker', 'run', '-d', '-p', '80:80', 'nginx']);
    expect(split('docker run -d ^\n -p 80:80 nginx').commands[0]!.words).toEqual(['docker', 'run', '-d', '-p', '80:80', 'nginx']);
  });

  test('GIVEN variables and substitutions THEN they are kept as written, quoted or not, and the inner command is split too', () => {
    const { commands, parts } = split('docker run -v "$(pwd)":/app -e HOME=${HOME} -e A=$B `echo x` alpine');
    expect(commands[0]!.words).toEqual(['docker', 'run', '-v', '$(pwd):/app', '-e', 'HOME=${HOME}', '-e', 'A=$B', '`echo x`', 'alpine']);
    expect(commands.slice(1)).toEqual([
      { words: ['pwd'], line: 1, insideSubstitution: true },
      { words: ['echo', 'x'], line: 1, insideSubstitution: true },
    ]);
    expect(parts.map((p) => p.text)).toEqual(['$(pwd)', '`echo x`']);
  });

  test('GIVEN single quotes THEN nothing inside them is a substitution', () => {
    expect(split("docker run alpine sh -c 'echo $(date)'").commands).toEqual([{ words: ['docker', 'run', 'alpine', 'sh', '-c', 'echo $(date)'], line: 1 }]);
  });

  test('GIVEN operators and redirections THEN they split commands and become parts, never words', () => {
    const { commands, parts } = split('docker ps -q | xargs docker rm; docker logs web > out.log 2>&1 && echo done || true &');
    expect(commands.map((c) => c.words.join(' '))).toEqual(['docker ps -q', 'xargs docker rm', 'docker logs web', 'echo done', 'true']);
    expect(parts.map((p) => `${p.kind}:${p.text}`)).toEqual(['operator:|', 'operator:;', 'redirection:>out.log', 'redirection:2>&1', 'operator:&&', 'operator:||', 'operator:&']);
  });

  test('GIVEN a comment THEN it is left out', () => {
    expect(split('docker ps # list them\n# docker rm all').commands).toEqual([{ words: ['docker', 'ps'], line: 1 }]);
  });

  test.each([
    ['docker run -e "A=1 nginx', { code: 'unterminated-quote', quote: '"', line: 1 }],
    ["docker ps\ndocker run -e 'A=1 nginx", { code: 'unterminated-quote', quote: "'", line: 2 }],
    ['docker rm `docker ps -q', { code: 'unterminated-quote', quote: '`', line: 1 }],
    ['docker rm $(docker ps -q', { code: 'unterminated-substitution', line: 1 }],
  ])('GIVEN %j THEN it is refused as %j', (text, problem) => {
    expect(splitShellCommands(text)).toEqual({ ok: false, problem });
  });
});
