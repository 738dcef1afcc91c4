import { defineConfig } from 'wxt';

/** Hosts whose pages Yardstick reads deals from, out of the box. */
export const CRM_HOST_MATCHES = ['https://*.force.com/*', 'https://*.force.mil/*'];

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  imports: false,
  manifest: ({ mode }) => ({
    name: 'Yardstick',
    description: 'Score CRM deals against your team’s shared qualification definitions.',
    permissions: ['storage', 'scripting'],
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+Y' },
        description: 'Show or hide the Yardstick sidebar',
      },
    },
    // A fixed id lets the e2e tests name the extension in an enterprise policy file.
    ...(mode === 'e2e' && process.env.YARDSTICK_TEST_KEY ? { key: process.env.YARDSTICK_TEST_KEY } : {}),
  }),
});
