// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

const platformPackages = ['discord.js', '@discordjs/*', '@slack/*'];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'coverage/', '.scratch/'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The plain-JavaScript scripts (the launcher and the build, which run without a loader) use Node's globals.
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', setTimeout: 'readonly', performance: 'readonly' } },
  },
  {
    // The core and everything it is built from stay platform-neutral: only adapters/ may talk to Discord or Slack.
    files: ['src/**/*.ts'],
    ignores: ['src/adapters/discord/**', 'src/adapters/slack/**', 'src/app.ts', 'src/main.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: platformPackages,
              message: 'Only src/adapters/discord and src/adapters/slack may import platform packages.',
            },
          ],
        },
      ],
    },
  },
);
