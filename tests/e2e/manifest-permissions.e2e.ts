import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PRODUCTION_EXTENSION_DIR } from '../support/browser/launch-browser';

interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  optional_permissions?: string[];
  content_scripts?: { matches: string[]; js: string[] }[];
  web_accessible_resources?: { resources: string[]; matches: string[]; use_dynamic_url?: boolean }[];
  externally_connectable?: unknown;
  key?: string;
}

const manifest = JSON.parse(
  readFileSync(path.join(PRODUCTION_EXTENSION_DIR, 'manifest.json'), 'utf8'),
) as Manifest;

// A change here widens what Yardstick may do on users' machines: review it as such.
describe('the production manifest', () => {
  // cookies: the background reads the rep's own `sid` of the org's API host to read deals through the API.
  // identity: the connected app's OAuth sign-in for orgs whose API Access Control refuses that session.
  it('asks only for storage, scripting, alarms, cookies and identity', () => {
    expect(manifest.permissions).toEqual(['storage', 'scripting', 'alarms', 'cookies', 'identity']);
    expect(manifest.optional_permissions).toBeUndefined();
  });

  it('runs only on the CRM hosts it supports out of the box', () => {
    // Each host is one the deal URL checks accept (lib/crm/manifest-host-coverage.test.ts), no wider:
    // not `*.force.com` (Visualforce, Experience Cloud and Sites too) nor `*.dynamics.com` (Finance and
    // Operations, Business Central).
    const dynamicsRegions = ['', 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 14, 15, 16, 17, 19, 20, 21].map(
      (number) => `https://*.crm${number}.dynamics.com/*`, // Dynamics 365: Microsoft's regional hosts
    );
    const builtInCrmHosts = [
      'https://*.lightning.force.com/*', // Salesforce Lightning, its sandboxes and other partitions
      'https://*.lightning.force.mil/*', // Lightning, government
      'https://*.my.salesforce.com/*', // Salesforce Classic
      'https://*.my.salesforce.mil/*', // Classic, government
      'https://app.hubspot.com/*', // HubSpot, US
      'https://app-eu1.hubspot.com/*', // HubSpot, EU
      ...dynamicsRegions,
      'https://*.pipedrive.com/*', // Pipedrive: each company's subdomain
    ];
    const dynamicsEnd = 6 + dynamicsRegions.length;
    expect(manifest.host_permissions).toEqual(builtInCrmHosts);
    const loader = (crm: string, matches: string[]) => ({
      matches,
      js: [`${crm}-loader.js`],
      run_at: 'document_start',
    });
    expect(manifest.content_scripts).toEqual([
      loader('salesforce-lightning', builtInCrmHosts.slice(0, 2)),
      loader('salesforce-classic', builtInCrmHosts.slice(2, 4)),
      loader('hubspot', builtInCrmHosts.slice(4, 6)),
      loader('dynamics365', builtInCrmHosts.slice(6, dynamicsEnd)),
      loader('pipedrive', builtInCrmHosts.slice(dynamicsEnd)),
    ]);
  });

  // ---- Org sync (issue 17: write-back to the rep's Salesforce org) -------------------------------
  // `cookies` reads the rep's `sid` on the org's API host, and the background calls that host's REST
  // API. apiOriginForHost maps every Lightning, Classic, sandbox and government host to
  // `<domain>[.<kind>].my.salesforce.com` or `<domain>[.<kind>].my.salesforce.mil`: both are already
  // host permissions for Salesforce Classic, so org sync adds no host. The Hyperforce regional form
  // (`<domain>.my.<region>.salesforce.com`) would need `https://*.salesforce.com/*`, far wider than
  // org sync needs; it is not asked for (docs/deployment.md).
  it('reads the session cookie and calls the API only on hosts it already has', () => {
    const apiHosts = ['https://*.my.salesforce.com/*', 'https://*.my.salesforce.mil/*'];
    for (const host of apiHosts) expect(manifest.host_permissions).toContain(host);
    expect(manifest.host_permissions).not.toContain('https://*.salesforce.com/*');
    expect(manifest.permissions).toContain('cookies');
  });

  // `identity` (identity.launchWebAuthFlow) signs the rep in through the policy's connected app when the
  // org's API Access Control refuses the browser session. It is required rather than optional: Chrome
  // shows no install warning for it (only `identity.email` has one), and the sidebar's "Connect to
  // Salesforce" click happens in a content script, which cannot call permissions.request; the click's
  // user gesture does not survive the message to the background. The redirect goes to
  // identity.getRedirectURL() (`https://<id>.chromiumapp.org/`), which needs no host permission, and the
  // token endpoint is on the My Domain host the API already uses.
  it('signs in through a connected app with identity, and asks for no identity.email', () => {
    expect(manifest.permissions).toContain('identity');
    expect(manifest.permissions).not.toContain('identity.email');
    expect(manifest.host_permissions).not.toContain('https://*.chromiumapp.org/*');
  });
  // ---- end of org sync ----------------------------------------------------------------------------

  it('asks for other hosts only when needed, as optional permissions', () => {
    expect(manifest.optional_host_permissions).toEqual([
      'https://*/*',
      'http://localhost/*',
      'http://127.0.0.1/*',
    ]);
  });

  it('exposes only the sidebar’s frame page, through a per-session URL, and no messaging to web pages', () => {
    expect(manifest.web_accessible_resources).toEqual([
      {
        resources: ['sidebar-frame.html'],
        matches: ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'],
        use_dynamic_url: true,
      },
    ]);
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.key).toBeUndefined();
  });
});
