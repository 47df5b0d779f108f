import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The image's steps run apart, in `npm run test:image` (vitest.image.config.ts).
    exclude: ['test/image/**', 'node_modules/**'],
    // Generous: the suite must pass on a machine at a load average of 8 on 2 cores (tests that start a child
    // process have a minute each: test/fixtures/child-process-budget.ts).
    testTimeout: 20_000,
    // A hook that starts the real app and a fake platform in-process (knowledge, discord.js or Bolt) takes
    // 1–2 s on a quiet machine and over 10 s (vitest's default) at a load average of 20.
    hookTimeout: 60_000,
    expect: { poll: { timeout: 5_000 } },
  },
});
