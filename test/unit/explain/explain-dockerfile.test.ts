import { describe, expect, test } from 'vitest';
import { explainDockerfile } from '../../../src/explain/index.ts';
import { loadKnowledge } from '../../../src/knowledge/index.ts';
import { PASTED_DOCKERFILES } from '../../fixtures/pasted-dockerfiles.ts';

const knowledge = await loadKnowledge();

describe('explainDockerfile on Dockerfiles learners paste', () => {
  test('GIVEN the hand-written set THEN it holds at least 20 Dockerfiles', () => {
    expect(PASTED_DOCKERFILES.length).toBeGreaterThanOrEqual(20);
  });

  test.each(PASTED_DOCKERFILES.map((c) => [c.name, c] as const))('GIVEN %s THEN its items and findings are the expected ones', (_, c) => {
    const result = explainDockerfile(c.dockerfile, { hasTopic: (id) => knowledge.has(id) });
    if (!result.ok) throw new Error(`refused: ${result.problem.code}`);
    const { items, findings } = result.value;
    let from = 0;
    for (const [line, text, says] of c.items) {
      const at = items.findIndex((item, i) => i >= from && item.line === line && item.text === text && item.explanation.includes(says));
      expect(at, `item ${line}: "${text}" saying "${says}" in order, among:\n${items.map((i) => `${i.line}: ${i.text} :: ${i.explanation}`).join('\n')}`).toBeGreaterThanOrEqual(0);
      from = at;
    }
    expect(findings.map((f) => `${f.rule}@${f.line}`).sort()).toEqual([...c.findings].sort());
    for (const item of items) if (item.topic) expect(knowledge.has(item.topic), item.topic).toBe(true);
    for (const f of findings) expect(f.topic === null || knowledge.has(f.topic), f.rule).toBe(true);
  });

  test('GIVEN findings of several severities THEN errors come first, then warnings, then information, each by line', () => {
    const result = explainDockerfile('FROM node\nMAINTAINER me\nRUNN x\nCMD node a.js');
    if (!result.ok) throw new Error(result.problem.code);
    expect(result.value.findings.map((f) => f.severity)).toEqual(['error', 'warning', 'warning', 'warning', 'info']);
  });
});

describe('explainDockerfile on malformed input', () => {
  test.each([
    ['', 'empty'],
    ['RUN npm ci\nCOPY . .\nCMD ["node", "a.js"]', 'no-from'],
    ['ARG VERSION=1', 'no-from'],
    ['Hello, can someone tell me why my build is slow?\nThanks!', 'not-a-dockerfile'],
    ['\u0000\u0000\u0007ELF\u0002\u0001\u0001', 'binary'],
  ])('GIVEN %j THEN it is refused with the problem %s', (text, code) => {
    const result = explainDockerfile(text);
    expect(result.ok ? 'explained' : result.problem.code).toBe(code);
  });

  test('GIVEN 10,000 lines THEN the size alone refuses it, before any parsing', () => {
    const text = 'FROM alpine:3.20\n' + 'RUN echo hello world from a very long Dockerfile\n'.repeat(10_000);
    const started = performance.now();
    expect(explainDockerfile(text)).toEqual({ ok: false, problem: { code: 'too-long', length: text.length } });
    expect(performance.now() - started).toBeLessThan(50);
  });

  test('GIVEN unterminated heredocs, stray quotes and odd flags THEN it explains without throwing', () => {
    for (const text of ['FROM alpine\nRUN <<EOF\necho never closed', 'FROM alpine\nCMD ["unterminated', 'FROM alpine\nCOPY --from= . .', 'FROM\nRUN', 'FROM alpine AS\nCOPY']) {
      expect(() => explainDockerfile(text)).not.toThrow();
    }
  });
});

describe('explainDockerfile on JSON-form COPY', () => {
  test('GIVEN COPY ["package.json", "./"] THEN its source and destination are read from the JSON array', () => {
    const result = explainDockerfile('FROM node:20\nWORKDIR /app\nCOPY ["package.json", "./"]\nCOPY [".", "."]\nUSER node');
    if (!result.ok) throw new Error(result.problem.code);
    expect(result.value.items.find((i) => i.line === 3)?.explanation).toContain('Copies `package.json` from the build context to the working directory');
    expect(result.value.findings.map((f) => `${f.rule}@${f.line}`)).toEqual(['dockerignore-for-whole-context@4']);
  });
});

describe('explainDockerfile on STOPSIGNAL', () => {
  test('GIVEN STOPSIGNAL SIGTERM THEN it is called the default written down, and another signal replaces SIGTERM', () => {
    const result = explainDockerfile('FROM node:24-slim\nSTOPSIGNAL SIGTERM\nFROM nginx:1.27\nSTOPSIGNAL SIGQUIT');
    if (!result.ok) throw new Error(result.problem.code);
    expect(result.value.items.find((i) => i.line === 2)?.explanation).toBe('Makes `docker stop` send `SIGTERM`, which it sends anyway: the default, written down. Metadata.');
    expect(result.value.items.find((i) => i.line === 4)?.explanation).toBe('Makes `docker stop` send `SIGQUIT` instead of SIGTERM. Metadata.');
  });
});
