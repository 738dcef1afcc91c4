import { mkdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { startDefinitionsServer, type DefinitionsServer } from '../support/definitions-server';
import { fixtureText } from '../support/browser/crm-fixtures';
import { buildKeyedExtension, TEST_EXTENSION_ID } from './support/keyed-build';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser/launch-browser';

const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = path.join(POLICY_DIR, 'yardstick-e2e-test.json');

let extensionDir: string;
let server: DefinitionsServer;
let browser: ExtensionBrowser | null = null;

function writePolicy(keys: Record<string, unknown>): void {
  mkdirSync(POLICY_DIR, { recursive: true });
  writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [TEST_EXTENSION_ID]: keys } } }));
}

async function openOptions() {
  browser = await launchWithExtension({ extensionDir });
  expect(browser.extensionId).toBe(TEST_EXTENSION_ID);
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${TEST_EXTENSION_ID}/options.html`);
  await page.getByRole('heading', { name: 'Yardstick settings' }).waitFor();
  return page;
}

beforeAll(() => {
  extensionDir = buildKeyedExtension();
}, 120_000);

beforeEach(async () => {
  server = await startDefinitionsServer();
  server.serve('/team.json', { body: fixtureText('definitions/two-criteria.json'), etag: '"team-1"' });
});

afterEach(async () => {
  await browser?.close();
  browser = null;
  await server.close();
  rmSync(POLICY_FILE, { force: true });
});

afterAll(() => {
  rmSync(POLICY_FILE, { force: true });
  expect(existsSync(POLICY_FILE)).toBe(false);
});

describe('Definitions pinned by enterprise policy', () => {
  it('syncs from the policy URL and shows the source locked in options', async () => {
    writePolicy({
      definitionsUrl: server.url('/team.json'),
      syncIntervalMinutes: 30,
      raterId: 'rep@acme.example',
    });
    const options = await openOptions();
    const status = options
      .getByRole('definition')
      .filter({ hasText: 'Two criteria for tests (two-criteria) version 2.1.0' });
    await status.waitFor({ timeout: 15_000 });
    const urlInput = options.getByLabel(/Definitions URL/);
    expect(await urlInput.inputValue()).toBe(server.url('/team.json'));
    expect(await urlInput.isDisabled()).toBe(true);
    expect(await options.getByText('Managed by your organisation').count()).toBeGreaterThanOrEqual(3);
    expect(await options.getByText('rep@acme.example').count()).toBe(1);
    expect(server.requests.filter((r) => r.path === '/team.json').length).toBeGreaterThanOrEqual(1);

    await options.getByRole('button', { name: 'Sync now' }).click();
    await options.getByText('Synced: the definitions have not changed.').waitFor();
    expect(server.requests.at(-1)).toMatchObject({
      path: '/team.json',
      ifNoneMatch: '"team-1"',
      status: 304,
    });
  });

  it('refuses content whose SHA-256 differs from the pinned one and keeps the built-in definitions', async () => {
    writePolicy({ definitionsUrl: server.url('/team.json'), definitionsSha256: '0'.repeat(64) });
    const options = await openOptions();
    await options
      .getByText(/does not match the SHA-256 pinned by policy/)
      .first()
      .waitFor({ timeout: 15_000 });
    expect(await options.getByText(/MEDDPICC.*version 1\.1\.1/).count()).toBe(1);
  });
});
