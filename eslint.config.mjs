import next from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import prettier from 'eslint-config-prettier/flat';

const SOURCES = [
  'app/**/*.{ts,tsx}',
  'components/**/*.{ts,tsx}',
  'lib/**/*.{ts,tsx}',
  'simulator/**/*.ts',
  'scripts/**/*.ts',
  'instrumentation*.ts',
];

// One process holds several copies of lib/ (docs/adr/0003): errors that carry an HTTP answer are
// recognised by brand (lib/errors.ts), process-wide state sits in lib/server/process.ts.
const ANSWERABLE = 'AnswerableError|BadRequest|NotFound|PromError|StoreUnavailable|ConfigError';

const config = [
  ...next,
  ...nextTs,
  // Layout is Prettier's (npm run lint checks it): no ESLint rule argues with it.
  prettier,
  {
    ignores: ['.next/**', 'node_modules/**', 'data/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'],
  },
  {
    files: SOURCES,
    rules: {
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
      'no-restricted-syntax': [
        'error',
        {
          selector: `BinaryExpression[operator='instanceof'][right.name=/^(${ANSWERABLE})$/]`,
          message:
            'Another copy of lib/ may have made this error: use isPromError / isAnswerable / answerOf from lib/errors.ts (docs/adr/0003).',
        },
      ],
    },
  },
  {
    files: SOURCES,
    ignores: ['lib/server/process.ts', '**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-globals': [
        'error',
        {
          name: 'globalThis',
          message: 'Process-wide state goes in a typed slot of lib/server/process.ts (docs/adr/0003).',
        },
      ],
    },
  },
];

export default config;
