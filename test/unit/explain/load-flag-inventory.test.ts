import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkFlagInventoryDir, loadFlagInventory, FlagInventoryLoadError } from '../../../src/explain/index.ts';

const stop = `command: stop
summary: Stops containers gracefully.
topic: stop-vs-kill
version: Docker CLI 28.2.2
snapshots: [docker-stop.txt]
operands: [{ name: CONTAINER, kind: container, repeat: true }]
flags:
  - { long: timeout, short: t, type: int, explanation: "Waits {value} seconds first." }
`;

async function folderWith(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'docker-cli-'));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  return dir;
}

describe('checkFlagInventoryDir', () => {
  test('GIVEN the shipped inventory and the shipped topic ids THEN it has no problems', async () => {
    const { files, problems } = await checkFlagInventoryDir();
    expect(problems).toEqual([]);
    for (const path of ['run', 'create', 'exec', 'build', 'ps', 'images', 'rm', 'rmi', 'stop', 'kill', 'logs', 'pull', 'push', 'tag', 'inspect', 'cp', 'volume create', 'network create', 'system prune', 'image prune', 'container prune', 'compose up', 'compose down', 'compose logs', 'compose exec', 'compose run', 'compose build']) {
      expect(files.some((f) => f.command === path), path).toBe(true);
    }
  });

  test('GIVEN a file with a misspelt field, a repeated short form and a dangling topic THEN each is named with its file and field', async () => {
    const broken = stop.replace('summary:', 'sumary:');
    const repeated = stop.replace('command: stop', 'command: kill').replace('topic: stop-vs-kill', 'topic: no-such-topic') + '  - { long: signal, short: t, type: string, explanation: "Sends {value} instead." }\n';
    const dir = await folderWith({ 'stop.yaml': broken, 'kill.yaml': repeated, 'tag.yaml': 'command: [oops' });
    const { problems } = await checkFlagInventoryDir(dir, new Set(['stop-vs-kill']));
    expect(problems).toContainEqual(expect.objectContaining({ file: 'stop.yaml', field: 'summary' }));
    expect(problems).toContainEqual({ file: 'kill.yaml', field: 'flags.1', message: '-t is defined twice' });
    expect(problems).toContainEqual({ file: 'kill.yaml', field: 'topic', message: 'links to topic "no-such-topic", which does not exist' });
    expect(problems).toContainEqual(expect.objectContaining({ file: 'tag.yaml', field: 'file' }));
  });

  test('GIVEN a broken inventory THEN loading it throws with every problem', async () => {
    const dir = await folderWith({ 'stop.yaml': stop.replace('kind: container', 'kind: box') });
    await expect(loadFlagInventory(dir)).rejects.toBeInstanceOf(FlagInventoryLoadError);
  });

  test('GIVEN docker create THEN it has docker run\'s flags less the attach ones', async () => {
    const inventory = await loadFlagInventory();
    const create = inventory.get('container create')!;
    expect(create.byLong.has('publish')).toBe(true);
    expect(create.byLong.has('detach')).toBe(false);
    expect(inventory.isGroup('compose')).toBe(true);
    expect(inventory.get('image ls')).toBe(inventory.get('images'));
  });

  test('GIVEN a flag inventory folder that does not exist THEN loading fails with one line naming the folder', async () => {
    const missing = path.join(tmpdir(), 'no-such-docker-cli-folder');
    const error: unknown = await loadFlagInventory(missing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FlagInventoryLoadError);
    expect((error as Error).message).toBe(`The flag inventory cannot be loaded: ${missing}: folder: does not exist: the docker flag inventory ships beside knowledge/; reinstall or restore it`);
  });
});
