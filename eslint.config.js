import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const noDexieOutsideDb = {
  group: ['dexie', 'dexie-*', '**/lib/db', '**/lib/db/*'],
  message:
    'The database lives in the extension origin: only lib/db, the background and extension pages may use it.',
};

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'coverage/', 'tests/fixtures/', 'bench-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='innerHTML']",
          message: 'Never write innerHTML: render untrusted text as text.',
        },
        {
          selector: 'JSXAttribute[name.name="dangerouslySetInnerHTML"]',
          message: 'Never render HTML from strings.',
        },
      ],
    },
  },
  {
    // lib/ is pure domain code: no extension APIs, no React, and Dexie only in lib/db.
    files: ['lib/**/*.ts'],
    ignores: ['lib/db/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'wxt/browser', message: 'lib/ must not use extension APIs.' },
            { name: 'react', message: 'lib/ must not use React.' },
          ],
          patterns: [
            noDexieOutsideDb,
            { group: ['#imports'], message: 'lib/ must not use WXT runtime APIs.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'browser', message: 'lib/ must not use extension APIs.' },
        { name: 'chrome', message: 'lib/ must not use extension APIs.' },
      ],
    },
  },
  {
    // Content scripts and the UI they render run in the CRM page: IndexedDB there is the page's.
    files: ['entrypoints/*.content/**', 'components/sidebar/**'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noDexieOutsideDb,
            {
              group: ['**/lib/messaging/protocol'],
              importNamePattern: '^(?!type )',
              allowTypeImports: true,
              message:
                'Content scripts import protocol types only; message names come from protocol-names (no Zod in the page).',
            },
          ],
        },
      ],
    },
  },
  {
    // The dock runs on the CRM page's main thread: the full Zod was most of its script there.
    files: ['entrypoints/sidebar-dock/**'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'zod', message: 'The dock validates with zod/mini (lib/messaging/dock-port.ts).' }],
          patterns: [
            {
              group: ['**/lib/zod-jitless'],
              message: 'zod-jitless loads the full Zod; zod/mini never compiles code.',
            },
            {
              group: ['**/lib/messaging/dock-protocol'],
              allowTypeImports: true,
              message: 'dock-protocol builds full-Zod schemas; the dock imports lib/messaging/dock-port.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.test.{ts,tsx}', 'tests/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
