import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { hashDefinitions } from '../../lib/definitions/content-hash';
import { bundleToJson, createBundle } from '../../lib/exchange/write-bundle';
import { LIGHTNING_ORIGIN } from '../support/browser/crm-fixtures';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser/launch-browser';
import {
  closeFixtureDeals,
  seedOrg,
  TEAM,
  teamFixture,
  type TeamFixture,
} from '../support/org-audit-fixture';
import { TEST_SESSIONS } from '../support/salesforce-test-org';
import { startSalesforceTestServer, type SalesforceTestServer } from '../support/salesforce-test-server';

// The demo org's API host, resolved to the test org; the manager's `sid` is set on it.
const API_HOST = new URL(LIGHTNING_ORIGIN).hostname.replace('.lightning.force.com', '.my.salesforce.com');
const ORG = `https://${API_HOST}`;
const MANAGER = TEST_SESSIONS[1]!;
const COUNTS = [
  'Scores',
  'Raters',
  'Deals scored',
  'Calibration cases',
  'Deals in the outcomes file',
  'Closed deals with a score',
];

let server: SalesforceTestServer;
let browser: ExtensionBrowser;
let fixture: TeamFixture;
let dir: string;

beforeAll(async () => {
  server = await startSalesforceTestServer();
  fixture = teamFixture(30);
  seedOrg(server, fixture);
  closeFixtureDeals(server, fixture);
  dir = mkdtempSync(path.join(tmpdir(), 'org-audit-page-'));
  await writeFiles();
  browser = await launchWithExtension({
    extraArgs: [
      `--host-resolver-rules=MAP *.my.salesforce.com 127.0.0.1:${server.httpsPort}`,
      '--ignore-certificate-errors',
    ],
  });
  await browser.context.addCookies([
    {
      name: 'sid',
      value: MANAGER.token,
      domain: API_HOST,
      path: '/',
      secure: true,
      httpOnly: true,
      sameSite: 'None',
    },
  ]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The same team's scores as the reps would export them, the outcomes CSV and the definitions. */
async function writeFiles(): Promise<void> {
  writeFileSync(path.join(dir, 'definitions.json'), JSON.stringify(fixture.definitions));
  const hash = await hashDefinitions(fixture.definitions);
  for (const rep of TEAM) {
    const bundle = await createBundle({
      rater: rep.email,
      exportedAt: new Date('2026-12-02T00:00:00Z'),
      scores: fixture.scores
        .get(rep.userId)!
        .map((score) => ({ ...score, definitions: { ...score.definitions, hash } })),
      definitions: [fixture.definitions],
    });
    writeFileSync(path.join(dir, `${rep.name}.json`), bundleToJson(bundle));
  }
  const closed = fixture.deals.filter((deal) => deal.won !== null);
  writeFileSync(
    path.join(dir, 'outcomes.csv'),
    ['deal,outcome', ...closed.map((deal) => `${deal.key},${deal.won ? 'won' : 'lost'}`)].join('\n'),
  );
}

async function openAudit(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/audit.html`);
  await page.getByRole('heading', { name: 'Yardstick audit' }).waitFor();
  await page.getByLabel(/^Definitions file/).setInputFiles(path.join(dir, 'definitions.json'));
  await page.getByText(/levels are checked against them/).waitFor();
  return page;
}

const panel = (page: Page) => page.getByRole('region', { name: 'Load from Salesforce' });
const loadStatus = (page: Page) => panel(page).locator('.ys-org-load-status');

/** The merge counts and the agreement table: what the manager reads first. */
async function counts(page: Page): Promise<Record<string, string>> {
  const entries: [string, string][] = [
    ['agreement', (await page.getByRole('table', { name: /Agreement per criterion/ }).textContent()) ?? ''],
  ];
  for (const label of COUNTS)
    entries.push([label, ((await page.getByTestId(`count-${label}`).textContent()) ?? '').trim()]);
  return Object.fromEntries(entries);
}

async function load(page: Page): Promise<void> {
  await panel(page).getByRole('combobox', { name: 'Org' }).selectOption(ORG);
  await panel(page).getByRole('button', { name: 'Load from Salesforce' }).click();
}

describe('Load from Salesforce on the audit page', () => {
  it('gives the same figures as the exported files, then a second load reads only changes', async () => {
    const files = await openAudit();
    await files
      .getByLabel(/^Data files/)
      .setInputFiles([
        ...TEAM.map((rep) => path.join(dir, `${rep.name}.json`)),
        path.join(dir, 'outcomes.csv'),
      ]);
    await files
      .getByRole('status')
      .getByText(/^Imported 4 of 4 files/)
      .waitFor({ timeout: 30_000 });
    const fromFiles = await counts(files);

    const org = await openAudit();
    await load(org);
    await loadStatus(org)
      .getByText(`Loaded from ${ORG}: 96 rows read`, { exact: false })
      .waitFor({ timeout: 30_000 });
    // The inputs table sits in a folded section: read it, do not wait for it to show.
    await expect.poll(() => counts(org), { timeout: 30_000 }).toEqual(fromFiles);
    expect(fromFiles.Scores).toBe('96');
    const verified = await org.getByTestId('verified-raters').textContent();
    for (const rep of TEAM) expect(verified).toContain(rep.name);

    // The incremental load goes through queryAll, which also names the scores deleted since.
    const queries = server.calls.get('GET query-all') ?? 0;
    await load(org);
    await loadStatus(org)
      .getByText(/0 changed rows read, 96 rows in the audit, 1 API call\./)
      .waitFor();
    expect(server.calls.get('GET query-all')).toBe(queries + 1);
    expect(await counts(org)).toEqual(fromFiles);
  });

  it('cancels a load halfway, keeps the last complete load, and shows each org error in its words', async () => {
    const page = await openAudit();
    server.batchSizes = [4];
    server.slowMs = 250;
    server.fail('slow');
    // Another date range is another query: read from scratch, slowly.
    await panel(page).getByLabel('Saved from').fill('2020-01-01');
    await load(page);
    await panel(page)
      .getByText(/^[1-9]\d* rows read of 96/)
      .waitFor({ timeout: 20_000 });
    await panel(page).getByRole('button', { name: 'Cancel' }).click();
    await loadStatus(page).getByText('The load was cancelled; nothing of it was kept.').waitFor();
    server.clearFailures();
    server.batchSizes = null;

    // The store still holds the first test's complete load: asking the same query again costs one call.
    await panel(page).getByLabel('Saved from').fill('');
    await load(page);
    await loadStatus(page)
      .getByText(/0 changed rows read, 96 rows in the audit, 1 API call\./)
      .waitFor();

    server.fail('request-limit');
    await load(page);
    await panel(page)
      .getByRole('alert')
      .getByText(/used up its daily API requests/)
      .waitFor();
    server.clearFailures();
    server.fail('expired-session');
    await load(page);
    await panel(page)
      .getByRole('alert')
      .getByText(/session has expired or was logged out/)
      .waitFor();
    server.clearFailures();
  });

  it('loads My team as the role hierarchy names it, and drops a score deleted in the org on the next load', async () => {
    const page = await openAudit();
    await panel(page).getByRole('combobox', { name: 'Org' }).selectOption(ORG);
    await panel(page)
      .getByRole('radio', { name: /My team/ })
      .check();
    await panel(page)
      .getByText('4 people: Dana Rep, Lee Former (inactive), Robin Closer, Sam Seller.')
      .waitFor({ timeout: 20_000 });
    await load(page);
    // The team's ids are another query: read whole.
    await loadStatus(page).getByText(`Loaded from ${ORG}: 96 rows read`, { exact: false }).waitFor();

    server.deleteScore([...server.scores.keys()][0]!);
    await load(page);
    await loadStatus(page)
      .getByText(/1 changed row read, 1 score deleted in the org dropped, 95 rows in the audit/)
      .waitFor();
    await expect.poll(async () => (await page.getByTestId('count-Scores').textContent())?.trim()).toBe('95');
  });
});
