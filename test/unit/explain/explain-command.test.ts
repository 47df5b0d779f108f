import { beforeAll, describe, expect, test } from 'vitest';
import { explainCommand, loadFlagInventory, type FlagInventory } from '../../../src/explain/index.ts';
import { loadKnowledge, type KnowledgeBase } from '../../../src/knowledge/index.ts';
import { PASTED_COMMANDS } from '../../fixtures/pasted-commands.ts';

let inventory: FlagInventory;
let knowledge: KnowledgeBase;
beforeAll(async () => {
  [inventory, knowledge] = await Promise.all([loadFlagInventory(), loadKnowledge()]);
});

describe('explainCommand on commands learners paste', () => {
  test('GIVEN the hand-written set THEN it holds at least 40 commands', () => {
    expect(PASTED_COMMANDS.length).toBeGreaterThanOrEqual(40);
  });

  test.each(PASTED_COMMANDS.map((c) => [c.paste, c] as const))('GIVEN %s THEN its items and findings are the expected ones', (_, c) => {
    const result = explainCommand(c.paste, { inventory, hasTopic: (id) => knowledge.has(id) });
    if (!result.ok) throw new Error(`refused: ${result.problem.code}`);
    const items = result.value.items;
    let from = 0;
    for (const [text, says] of c.items) {
      const at = items.findIndex((item, i) => i >= from && item.text === text && item.explanation.includes(says));
      expect(at, `item "${text}" saying "${says}" in order, among:\n${items.map((i) => `${i.text} :: ${i.explanation}`).join('\n')}`).toBeGreaterThanOrEqual(0);
      from = at + 1;
    }
    expect(result.value.findings.map((f) => f.rule).sort()).toEqual([...c.findings].sort());
    for (const item of items) if (item.topic) expect(knowledge.has(item.topic), item.topic).toBe(true);
    for (const finding of result.value.findings) expect(finding.topic === null || knowledge.has(finding.topic)).toBe(true);
  });
});

describe('explainCommand on malformed input', () => {
  test.each([
    ['', 'empty'],
    ['   \n  ', 'empty'],
    ['docker run -e "A=1 nginx', 'unterminated-quote'],
    ['docker rm $(docker ps -aq', 'unterminated-substitution'],
    ['\u0000\u0001\u0002PK\u0003\u0004binary', 'binary'],
    ['ls -la && echo hi', 'not-a-docker-command'],
    ['how do I run nginx?', 'not-a-docker-command'],
  ])('GIVEN %j THEN it is refused with the problem %s', (text, code) => {
    const result = explainCommand(text, { inventory });
    expect(result.ok ? 'explained' : result.problem.code).toBe(code);
  });

  test('GIVEN 10,000 lines THEN the size alone refuses it, before any parsing', () => {
    const paste = 'docker run -d -p 8080:80 nginx:1.27 \\\n'.repeat(10_000);
    const started = performance.now();
    const result = explainCommand(paste, { inventory });
    expect(result).toEqual({ ok: false, problem: { code: 'too-long', length: paste.length } });
    expect(performance.now() - started).toBeLessThan(50);
  });

  test('GIVEN random bytes as text THEN it never throws', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 300; n++) {
      const text = 'docker ' + Array.from({ length: 40 }, () => String.fromCharCode(32 + Math.floor(next() * 95))).join('');
      expect(() => explainCommand(text, { inventory })).not.toThrow();
    }
  });
});
