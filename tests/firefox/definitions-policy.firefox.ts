import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { FIREFOX_ADDON_ID } from '../../scripts/build/firefox-manifest';
import { startDefinitionsServer, type DefinitionsServer } from '../support/definitions-server';
import { fixtureText, LIGHTNING_ORIGIN } from '../support/browser/crm-fixtures';
import { GLOBEX, opportunityPath } from '../support/browser/lightning-app-records';
import {
  enabledButton,
  openExtensionPage,
  sidebarText,
  waitForCriteria,
  waitForDealHeading,
} from './support/firefox-sidebar';
import { launchFirefoxWithExtension, type ExtensionFirefox } from './support/launch-firefox';
import { serveCrmFixtures } from './support/serve-crm-fixtures';

/**
 * Where Debian's firefox-esr 153 reads enterprise policy first (its SysConfD is /etc/firefox, not
 * /etc/firefox-esr); /usr/lib/firefox-esr/distribution/policies.json is read only when this file does
 * not exist. docs/firefox.md has both.
 */
const POLICY_FILE = '/etc/firefox/policies/policies.json';

let server: DefinitionsServer;
let firefox: ExtensionFirefox | null = null;

beforeAll(() => {
  // Firefox reads one policies.json: never overwrite a machine's own.
  if (existsSync(POLICY_FILE)) throw new Error(`${POLICY_FILE} exists already; this test would replace it.`);
});

function writePolicy(keys: Record<string, unknown>): void {
  mkdirSync(path.dirname(POLICY_FILE), { recursive: true });
  // Firefox's `3rdparty` section spells its key `Extensions` (Chromium's: `extensions`).
  const policy = { policies: { '3rdparty': { Extensions: { [FIREFOX_ADDON_ID]: keys } } } };
  writeFileSync(POLICY_FILE, JSON.stringify(policy));
}

async function bodyText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.innerText);
}

beforeEach(async () => {
  server = await startDefinitionsServer();
  server.serve('/team.json', { body: fixtureText('definitions/two-criteria.json'), etag: '"team-1"' });
});

afterEach(async () => {
  await firefox?.close();
  firefox = null;
  await server.close();
  rmSync(POLICY_FILE, { force: true });
});

afterAll(() => {
  rmSync(POLICY_FILE, { force: true });
  expect(existsSync(POLICY_FILE)).toBe(false);
});

// The pinned SHA-256's refusal is the same code in every browser: the Chromium policy test covers it.
describe('Definitions pinned by enterprise policy in Firefox ESR (policies.json, 3rdparty)', () => {
  it('syncs from the policy URL, locks the source and the rater in options, and the sidebar scores with them', async () => {
    writePolicy({ definitionsUrl: server.url('/team.json'), raterId: 'rep@acme.example' });
    firefox = await launchFirefoxWithExtension();

    const options = await firefox.newPage();
    await openExtensionPage(options, 'options.html', 'Yardstick settings');
    await options.waitForFunction(
      () => /Two criteria for tests \(two-criteria\) version 2\.1\.0/.test(document.body.innerText),
      { timeout: 15_000 },
    );
    const urlInput = await options.waitForSelector('input[type="url"]');
    expect(await urlInput!.evaluate((input) => [input.value, input.disabled])).toEqual([
      server.url('/team.json'),
      true,
    ]);
    const text = await bodyText(options);
    expect(text.match(/Managed by your organisation/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
    expect(text).toContain('rep@acme.example');
    expect(server.requests.some((request) => request.path === '/team.json')).toBe(true);

    const page = await firefox.newPage();
    await serveCrmFixtures(page);
    await page.goto(`${LIGHTNING_ORIGIN}${opportunityPath(GLOBEX.id)}`);
    await waitForDealHeading(page, GLOBEX.name);
    // The synced definitions' two criteria, not the built-in MEDDPICC's eight.
    await waitForCriteria(page, ['Champion', 'Metrics']);
    // The rater comes from policy: no prompt for a name, and Save is enabled at once.
    expect(await sidebarText(page)).not.toMatch(/Your name or email/);
    await enabledButton(page, 'Save score', true);
  });
});
