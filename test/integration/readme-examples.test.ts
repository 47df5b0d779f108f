import { describe, expect, test } from 'vitest';
import { consoleExample, readReadme, withConsoleExample } from '../../scripts/readme-examples.ts';

describe('README examples', () => {
  test('GIVEN the README console example THEN it is exactly what the console prints (npm run docs:examples regenerates it)', async () => {
    const readme = await readReadme();
    expect(readme).toBe(withConsoleExample(readme, await consoleExample()));
  });
});
