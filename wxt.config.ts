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

// Where the sidebar's frame may be docked: every CRM host, built in or custom (custom hosts are any
// https host an admin or rep adds, as the optional host permissions below say).
const SIDEBAR_FRAME_MATCHES = ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'];

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
  },
  manifest: ({ browser }) => ({
    name: 'Yardstick',
    // The sidebar frame's dynamic URL (web_accessible_resources below) is enforced from Chrome 130.
    ...(browser === 'firefox' ? {} : { minimum_chrome_version: '130' }),
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
    // The sidebar's UI is this extension page, framed in the CRM page by the dock. Only CRM pages may
    // frame it, and (Chrome 130+) only through a URL whose id changes each session, so no site can probe
    // for it or frame it on its own.
    web_accessible_resources: [
      {
        resources: ['sidebar-frame.html'],
        matches: SIDEBAR_FRAME_MATCHES,
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    commands: {
      'focus-sidebar': {
        suggested_key: { default: 'Alt+Shift+Y' },
        description: 'Open the Yardstick sidebar and move the keyboard focus into it',
      },
      'close-sidebar': {
        suggested_key: { default: 'Alt+Shift+U' },
        description: 'Close the Yardstick sidebar',
      },
    },
    // A fixed id lets the e2e tests name the extension in an enterprise policy file. Test builds only.
    ...(process.env.YARDSTICK_TEST_KEY ? { key: process.env.YARDSTICK_TEST_KEY } : {}),
    ...firefoxManifestKeys(browser),
  }),
});
