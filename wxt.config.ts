import { defineConfig } from 'wxt';
import { BUILT_IN_CRM_MATCHES, CRM_HOST_MATCHES, LOADER_RUN_AT } from './lib/crm/crm-hosts';
import { bundleCrmLoaders } from './scripts/build/crm-loaders';
import { firefoxManifestKeys } from './scripts/build/firefox-manifest';

// The org's REST API (lib/org/salesforce): `cookies` reads the rep's `sid` of the org's API host, which
// the background alone calls. The API hosts are the My Domain hosts Classic already needs; Hyperforce's
// regional `x.my.<region>.salesforce.com` would need `*.salesforce.com`, far wider than the API needs:
// there the sidebar keeps the page reading and says why (docs/salesforce-org.md, "Hosts").
// `identity` runs the connected app's OAuth sign-in (identity.launchWebAuthFlow) for orgs whose API Access
// Control refuses the browser session. Required, not optional: it shows no install warning, and the
// sidebar's "Connect" click happens in a content script, which cannot call permissions.request.
const ORG_API = {
  permissions: ['cookies', 'identity'],
  hosts: ['https://*.my.salesforce.com/*', 'https://*.my.salesforce.mil/*'],
};

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  imports: false,
  // Benchmarks build variants side by side without touching the build the tests use.
  outDir: process.env.YARDSTICK_OUT_DIR ?? '.output',
  hooks: {
    // The CRM loaders (entrypoints/crm-loaders/) are bundled apart from WXT's entrypoints: see
    // scripts/build/crm-loaders.ts. Each build, dev rebuilds included, bundles them again.
    async 'build:publicAssets'(wxt, files) {
      files.push(...(await bundleCrmLoaders({ minify: wxt.config.command === 'build' })));
    },
    // The in-page sidebar renders with preact/compat: evaluating React DOM was the longest task on the
    // CRM's main thread. The extension pages and the unit tests keep React.
    'vite:build:extendConfig'(entrypoints, viteConfig) {
      if (!entrypoints.some((entrypoint) => entrypoint.name === 'sidebar')) return;
      const alias = viteConfig.resolve?.alias ?? [];
      viteConfig.resolve = {
        ...viteConfig.resolve,
        alias: [
          ...(Array.isArray(alias)
            ? alias
            : Object.entries(alias).map(([find, replacement]) => ({ find, replacement }))),
          { find: /^react(-dom)?$/, replacement: 'preact/compat' },
          { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
          { find: /^react\/jsx(-dev)?-runtime$/, replacement: 'preact/compat/jsx$1-runtime' },
        ],
      };
    },
  },
  manifest: ({ browser }) => ({
    name: 'Yardstick',
    description: 'Score CRM deals against your team’s shared qualification definitions.',
    permissions: ['storage', 'scripting', 'alarms', ...ORG_API.permissions],
    host_permissions: [...new Set([...CRM_HOST_MATCHES, ...ORG_API.hosts])],
    // One loader per CRM (its URL check, lib/crm/<crm>/url.ts, bundled as <crm>-loader.js by
    // scripts/build/crm-loaders.ts), each on its own hosts. At
    // document_start, so that on a deal the service worker starts while the page loads; the sidebar is
    // still injected at document_idle (scripting.executeScript waits for it).
    content_scripts: Object.entries(BUILT_IN_CRM_MATCHES).map(([crm, matches]) => ({
      matches: [...matches],
      js: [`${crm}-loader.js`],
      run_at: LOADER_RUN_AT,
    })),
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
    ...firefoxManifestKeys(browser),
  }),
});
