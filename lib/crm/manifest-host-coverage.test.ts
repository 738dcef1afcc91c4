import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILT_IN_CRMS } from './built-in-crms';
import { CRM_HOST_MATCHES } from './crm-hosts';
import type { DealPageMatch, UrlParts } from './deal-page-match';

const CRM_DIR = dirname(fileURLToPath(import.meta.url));
// Test files that hold URL forms of the CRMs' deal pages.
const URL_TEST_FILES = readdirSync(CRM_DIR, { recursive: true, encoding: 'utf8' }).filter(
  (file) => file.endsWith('.test.ts') && file !== 'manifest-host-coverage.test.ts',
);
// Hosts the URL checks know that the manifest leaves to custom CRM hosts, each for its reason.
const CUSTOM_HOST_ONLY: readonly { host: RegExp; reason: string }[] = [
  {
    host: /^[a-z0-9-]+\.lightning\.[a-z0-9-]+\.force\.com$/,
    reason: 'Hyperforce `<domain>.lightning.<region>.force.com`: a match pattern cannot name every region',
  },
  {
    host: /\.(?:dynamics\.cn|microsoftdynamics\.us|appsplatform\.us)$/,
    reason: "Dynamics' sovereign clouds (China, US GCC High and DoD)",
  },
  {
    host: /^app-(?!eu1\.)[a-z]{2}\d{1,2}\.hubspot\.com$/,
    reason: "HubSpot's newer data centres (`app-na2`, …), added as custom hosts until asked for",
  },
];
// Hosts of the same companies that Yardstick never reads: item 14 of the hardening issue.
const NEVER_READ = [
  'https://acme--c.vf.force.com/apex/Quote', // Visualforce
  'https://acme.my.site.force.com/s/', // Experience Cloud
  'https://acme.force.com/', // Sites
  'https://acme.file.force.com/',
  'https://contoso.operations.dynamics.com/', // Finance and Operations
  'https://businesscentral.dynamics.com/',
  'https://contoso.api.crm4.dynamics.com.evil.example/',
];

/** Whether a Chrome match pattern (`scheme://host/path`, host `*`, `*.suffix` or literal) matches `url`. */
function matchPatternMatches(pattern: string, url: URL): boolean {
  const parts = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/*]+)(\/.*)$/.exec(pattern);
  if (!parts) throw new Error(`not a match pattern: ${pattern}`);
  const [, scheme, host = '', path = ''] = parts;
  const schemeMatches = scheme === '*' ? /^https?:$/.test(url.protocol) : url.protocol === `${scheme}:`;
  const hostMatches =
    host === '*' ||
    host === url.hostname ||
    (host.startsWith('*.') && (url.hostname.endsWith(host.slice(1)) || url.hostname === host.slice(2)));
  const pathPattern = new RegExp(`^${path.split('*').map(escapeRegExp).join('.*')}$`);
  return schemeMatches && hostMatches && pathPattern.test(url.pathname + url.search);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function urlChecks(): Promise<((url: UrlParts) => DealPageMatch | null | undefined)[]> {
  const modules = await Promise.all(
    BUILT_IN_CRMS.map(
      (crm) =>
        import(`./${crm.id}/url.ts`) as Promise<{ dealOf(url: UrlParts): DealPageMatch | null | undefined }>,
    ),
  );
  return modules.map((module) => module.dealOf);
}

// Every https origin the CRM tests write, `${…}` placeholders and all: the host is what counts here.
const ORIGINS = Array.from(
  new Set(
    URL_TEST_FILES.flatMap((file) =>
      Array.from(
        readFileSync(join(CRM_DIR, file), 'utf8').matchAll(/https:\/\/[a-z0-9.-]+[a-z0-9]/g),
        (m) => m[0],
      ),
    ),
  ),
).sort();

describe('the manifest hosts', () => {
  it('find URL forms to check in the CRM tests', () => {
    expect(ORIGINS.length).toBeGreaterThan(20);
  });

  it.each(ORIGINS)('cover %s wherever a deal URL check accepts its host', async (origin) => {
    const url = new URL(`${origin}/`);
    const accepted = (await urlChecks()).some((dealOf) => dealOf(url) !== undefined);
    const customOnly = CUSTOM_HOST_ONLY.some(({ host }) => host.test(url.hostname));
    const covered = CRM_HOST_MATCHES.some((pattern) => matchPatternMatches(pattern, url));
    if (accepted && !customOnly) expect(covered, `${url.hostname}: no manifest pattern`).toBe(true);
  });

  it.each(NEVER_READ)('leave out %s, which no CRM Yardstick reads is served from', async (address) => {
    const url = new URL(address);
    expect((await urlChecks()).every((dealOf) => dealOf(url) === undefined)).toBe(true);
    expect(CRM_HOST_MATCHES.some((pattern) => matchPatternMatches(pattern, url))).toBe(false);
  });

  it('leave to custom hosts only what the checks accept and no pattern can name', async () => {
    const checks = await urlChecks();
    for (const origin of ORIGINS) {
      const url = new URL(`${origin}/`);
      if (!CUSTOM_HOST_ONLY.some(({ host }) => host.test(url.hostname))) continue;
      expect(
        checks.some((dealOf) => dealOf(url) !== undefined),
        url.hostname,
      ).toBe(true);
      expect(
        CRM_HOST_MATCHES.some((pattern) => matchPatternMatches(pattern, url)),
        url.hostname,
      ).toBe(false);
    }
  });
});

describe('matchPatternMatches, the test’s match-pattern reading', () => {
  it.each([
    ['https://*.lightning.force.com/*', 'https://acme--uat.sandbox.lightning.force.com/x', true],
    ['https://*.lightning.force.com/*', 'https://lightning.force.com/', true],
    ['https://*.lightning.force.com/*', 'https://acme.my.site.force.com/', false],
    ['https://*.lightning.force.com/*', 'http://acme.lightning.force.com/', false],
    ['https://app.hubspot.com/*', 'https://app.hubspot.com.evil.example/', false],
    ['https://*.crm4.dynamics.com/*', 'https://contoso.crm4.dynamics.com/main.aspx?etn=opportunity', true],
  ])('%s matches %s: %s', (pattern, url, expected) => {
    expect(matchPatternMatches(pattern, new URL(url))).toBe(expected);
  });
});
