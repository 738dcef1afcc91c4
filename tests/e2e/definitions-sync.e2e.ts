import type { Page } from 'playwright-core';
import { startDefinitionsServer, type DefinitionsServer } from '../support/definitions-server';
import { fixtureText, LIGHTNING_ORIGIN, routeLightning } from '../support/browser/crm-fixtures';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser/launch-browser';
import { GLOBEX, opportunityPath } from '../support/browser/lightning-app-records';
import { sidebarOf } from '../support/browser/sidebar-page';

let browser: ExtensionBrowser;
let server: DefinitionsServer;
const teamText = fixtureText('definitions/two-criteria.json');

beforeEach(async () => {
  server = await startDefinitionsServer();
  browser = await launchWithExtension();
  await routeLightning(browser.context);
});

afterEach(async () => {
  await browser.close();
  await server.close();
});

async function openOptions(): Promise<Page> {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.getByRole('heading', { name: 'Yardstick settings' }).waitFor();
  return options;
}

describe('Definitions synced from a URL', () => {
  it('syncs from a URL set in options, then keeps the last good definitions when the server fails', async () => {
    server.serve('/team.json', { body: teamText, etag: '"t1"' });
    const options = await openOptions();
    await options.getByLabel(/Definitions URL/).fill(server.url('/team.json'));
    await options.getByRole('button', { name: 'Save URL and sync' }).click();
    await options.getByText(/^Synced: now scoring against version 2\.1\.0\./).waitFor({ timeout: 15_000 });
    await options.getByText(/Two criteria for tests \(two-criteria\) version 2\.1\.0/).waitFor();

    server.serve('/team.json', { status: 500, body: 'Internal Server Error' });
    await options.getByRole('button', { name: 'Sync now' }).click();
    await options.getByText(/^Sync failed: The server answered 500/).waitFor();
    await options
      .getByRole('alert')
      .filter({ hasText: /^Last error/ })
      .waitFor();
    expect(await options.getByText(/Two criteria for tests \(two-criteria\) version 2\.1\.0/).count()).toBe(
      1,
    );
  });

  it('tells the rep a deal was scored against older definitions, shows what changed, and keeps the old score', async () => {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(`${LIGHTNING_ORIGIN}${opportunityPath(GLOBEX.id)}`);
    const sidebar = sidebarOf(page);
    await sidebar.getByLabel(/Your name or email/).fill('priya@acme.example');
    await sidebar.getByRole('button', { name: 'Save name' }).click();
    await sidebar.getByRole('radiogroup', { name: 'Champion' }).getByRole('radio').nth(2).check();
    await sidebar.getByRole('button', { name: 'Save score' }).click();
    await sidebar.getByText(/^Saved at/).waitFor();

    server.serve('/team.json', { body: teamText });
    const options = await openOptions();
    await options.getByLabel(/Definitions URL/).fill(server.url('/team.json'));
    await options.getByRole('button', { name: 'Save URL and sync' }).click();
    await options.getByText(/^Synced: now scoring against version 2\.1\.0\./).waitFor({ timeout: 15_000 });

    const notice = sidebar.getByRole('status', { name: 'Definitions changed' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Last scored against meddpicc 1.1.0');
    expect(await notice.textContent()).toContain(
      'Metrics: question reworded; definition reworded; weight 1.5 → 1',
    );
    expect(await notice.textContent()).toContain('Economic buyer: removed');
    // The figure shown under the new definitions was never saved, and the header says so.
    const savedVersusNow = await sidebar.getByTestId('saved-versus-now').textContent();
    expect(savedVersusNow).toMatch(
      /^Saved [\d.]+ \w+ under meddpicc 1\.1\.0 · now [\d.]+ \w+ under two-criteria 2\.1\.0, not saved$/,
    );
    await sidebar.getByText('Unsaved changes (Ctrl+Enter saves).').waitFor();
    expect(await sidebar.getByRole('radiogroup').count()).toBe(2);
    const history = sidebar.getByRole('list', { name: 'Saved scores' }).getByRole('listitem');
    expect(await history.count()).toBe(1);
    expect(await history.first().textContent()).toContain('meddpicc 1.1.0');
  });
});
