import { defineConfig } from 'vitest/config';

// `npm run test:image`: the container image's steps without Docker (test/image/), apart from `npm test` because
// they compile the whole project (tens of seconds on a busy machine). .ci/run runs both.
export default defineConfig({
  test: {
    include: ['test/image/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 600_000,
  },
});
