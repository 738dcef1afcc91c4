import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  test: {
    projects: [
      {
        // WxtVitest does not apply the WXT config's Vite plugins, so React is added here.
        plugins: [WxtVitest(), react()],
        test: {
          name: 'unit',
          environment: 'happy-dom',
          include: [
            'lib/**/*.test.ts',
            'components/**/*.test.tsx',
            'entrypoints/**/*.test.ts',
            'tests/unit/**/*.test.{ts,tsx}',
            'tests/corpus/**/*.test.ts',
          ],
          setupFiles: ['tests/setup/unit-setup.ts'],
          // Generous, because CI runs 130 unit files on 2 shared cores: a time limit here guards
          // against a hang, never against slowness (speed goals live in `npm run bench`).
          testTimeout: 30_000,
          globals: true,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.e2e.ts'],
          testTimeout: 60_000,
          hookTimeout: 90_000,
          fileParallelism: false,
          globals: true,
        },
      },
      {
        test: {
          // Firefox ESR over WebDriver BiDi (puppeteer-core); tests/firefox/support/launch-firefox.ts.
          name: 'firefox',
          environment: 'node',
          include: ['tests/firefox/**/*.firefox.ts'],
          testTimeout: 60_000,
          hookTimeout: 90_000,
          fileParallelism: false,
          globals: true,
        },
      },
    ],
  },
});
