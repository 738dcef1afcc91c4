import { defineConfig } from 'wxt';
import { CRM_HOST_MATCHES } from './lib/crm/crm-hosts';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  imports: false,
  // Benchmarks build variants side by side without touching the build the tests use.
  outDir: process.env.YARDSTICK_OUT_DIR ?? '.output',
  manifest: () => ({
    name: 'Yardstick',
    description: 'Score CRM deals against your team’s shared qualification definitions.',
    permissions: ['storage', 'scripting', 'alarms'],
    host_permissions: CRM_HOST_MATCHES,
    // Requested at the moment an admin or rep sets a definitions URL on another host.
    optional_host_permissions: ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'],
    storage: { managed_schema: 'managed_schema.json' },
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+Y' },
        description: 'Show or hide the Yardstick sidebar',
      },
    },
    // A fixed id lets the e2e tests name the extension in an enterprise policy file. Test builds only.
    ...(process.env.YARDSTICK_TEST_KEY ? { key: process.env.YARDSTICK_TEST_KEY } : {}),
  }),
});
