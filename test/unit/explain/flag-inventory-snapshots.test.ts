import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_DOCKER_CLI_DIR, loadFlagInventory, readHelpSnapshot, type FlagInventory, type SnapshotFlag } from '../../../src/explain/index.ts';

const SNAPSHOT_DIR = path.join(DEFAULT_DOCKER_CLI_DIR, 'snapshots');
const snapshotFiles = readdirSync(SNAPSHOT_DIR).sort();

function snapshotFlags(file: string): SnapshotFlag[] {
  return readHelpSnapshot(readFileSync(path.join(SNAPSHOT_DIR, file), 'utf8'), file.endsWith('.md') ? 'table' : 'help').flags;
}

let inventory: FlagInventory;
beforeAll(async () => {
  inventory = await loadFlagInventory();
});

describe('the flag inventory against the Docker CLI 28.2 --help and the Compose and Buildx reference snapshots', () => {
  test('GIVEN the snapshots THEN each comes from Docker 28.2.2, Buildx v0.24.0 or Compose v2.36.2', () => {
    for (const file of snapshotFiles) {
      const first = readFileSync(path.join(SNAPSHOT_DIR, file), 'utf8').split('\n')[0]!;
      expect(first, file).toMatch(/Docker version 28\.2\.2|docker\/buildx v0\.24\.0|docker\/compose v2\.36\.2/);
    }
  });

  test('GIVEN a command file THEN the version it names is the one of its snapshots', () => {
    for (const command of inventory.commands()) {
      const versions = command.file.snapshots.map((f) => readFileSync(path.join(SNAPSHOT_DIR, f), 'utf8').split('\n')[0]!.match(/(\d+\.\d+\.\d+)/)![1]!);
      for (const version of versions) expect(command.file.version, command.path).toContain(version);
    }
  });

  test('GIVEN every snapshot THEN some inventory command is checked against it', () => {
    const used = new Set(inventory.commands().flatMap((c) => c.file.snapshots));
    expect(snapshotFiles.filter((f) => !used.has(f))).toEqual([]);
  });

  test('GIVEN a flag in a snapshot THEN the inventory has it with the same short form and value type', () => {
    const missing: string[] = [];
    for (const command of inventory.commands()) {
      const firstType = new Map<string, string>();
      for (const file of command.file.snapshots) {
        for (const flag of snapshotFlags(file)) {
          if (!firstType.has(flag.long)) firstType.set(flag.long, flag.type);
          const known = command.byLong.get(flag.long);
          const where = `docker ${command.path} --${flag.long} (${file})`;
          if (!known) missing.push(`${where}: missing`);
          else {
            if (flag.short && known.short !== flag.short) missing.push(`${where}: short form -${flag.short}, inventory has ${known.short ?? 'none'}`);
            if ((flag.type === 'bool') !== (known.type === 'bool')) missing.push(`${where}: takes ${flag.type}, inventory has ${known.type}`);
            if (known.type !== firstType.get(flag.long)) missing.push(`${where}: type ${firstType.get(flag.long)}, inventory has ${known.type}`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });

  test('GIVEN a flag in the inventory THEN one of its command\'s snapshots lists it (nothing is invented)', () => {
    const invented: string[] = [];
    for (const command of inventory.commands()) {
      const listed = new Set(command.file.snapshots.flatMap((f) => snapshotFlags(f).map((s) => s.long)));
      for (const flag of command.flags) if (!listed.has(flag.long)) invented.push(`docker ${command.path} --${flag.long}`);
    }
    expect(invented).toEqual([]);
  });

  test('GIVEN a snapshot with one flag removed from the inventory THEN the check names it', () => {
    const run = inventory.get('run')!;
    const flags = snapshotFlags('docker-run.txt');
    const without = new Map(run.byLong);
    without.delete('publish');
    expect(flags.filter((f) => !without.has(f.long)).map((f) => f.long)).toEqual(['publish']);
  });
});

describe('readHelpSnapshot', () => {
  test('GIVEN docker run --help THEN it reads short forms, value types and switches, and leaves out --help', () => {
    const flags = snapshotFlags('docker-run.txt');
    expect(flags).toContainEqual({ long: 'publish', short: 'p', type: 'list' });
    expect(flags).toContainEqual({ long: 'rm', type: 'bool' });
    expect(flags).toContainEqual({ long: 'hostname', short: 'h', type: 'string' });
    expect(flags.some((f) => f.long === 'help')).toBe(false);
    expect(flags.length).toBeGreaterThan(100);
  });

  test('GIVEN a reference page table THEN it reads linked and plain flag names', () => {
    expect(snapshotFlags('buildx-build.md')).toContainEqual({ long: 'file', short: 'f', type: 'string' });
    expect(snapshotFlags('compose-up.md')).toContainEqual({ long: 'detach', short: 'd', type: 'bool' });
  });
});
