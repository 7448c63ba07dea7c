import { defineConfig } from 'vitest/config';
import path from 'node:path';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      'server-only': path.resolve(import.meta.dirname, 'lib/test/empty-module.ts'),
    },
  },
  test: {
    include: [
      'lib/**/*.test.ts',
      'simulator/**/*.test.ts',
      'components/**/*.test.ts',
      'components/**/*.test.tsx',
      'scripts/**/*.test.ts',
    ],
    // Component tests (*.test.tsx) say `@vitest-environment jsdom` at their top.
    environment: 'node',
  },
});
