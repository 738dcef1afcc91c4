import type { Page } from 'playwright-core';
import meddpiccJson from '../../public/definitions/meddpicc.json';
import { startDefinitionsServer, type DefinitionsServer } from '../support/definitions-server';
import { fixtureText, LIGHTNING_ORIGIN, routeLightning } from '../support/browser/crm-fixtures';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser/launch-browser';
import { GLOBEX, opportunityPath } from '../support/browser/lightning-app-records';
import { sidebarFrameOf, sidebarOf } from '../support/browser/sidebar-page';

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

  it('tells the rep a deal was scored against older definitions, keeps the old score, steps through the changed criteria, and lists the deal in the popup', async () => {
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
    expect(await notice.textContent()).toContain('Last scored against meddpicc 1.1.1');
    expect(await notice.textContent()).toContain(
      'Metrics: question reworded; definition reworded; weight 1.5 → 1',
    );
    expect(await notice.textContent()).toContain('Economic buyer: removed');
    // The figure shown under the new definitions was never saved, and the header says so.
    const savedVersusNow = await sidebar.getByTestId('saved-versus-now').textContent();
    expect(savedVersusNow).toMatch(
      /^Saved [\d.]+ \w+ under meddpicc 1\.1\.1 · now [\d.]+ \w+ under two-criteria 2\.1\.0, not saved$/,
    );
    await sidebar.getByText('Unsaved changes (Ctrl+Enter saves).').waitFor();
    expect(await sidebar.getByRole('radiogroup').count()).toBe(2);
    const history = sidebar.getByRole('list', { name: 'Saved scores' }).getByRole('listitem');
    expect(await history.count()).toBe(1);
    expect(await history.first().textContent()).toContain('meddpicc 1.1.1');

    // The rep is stepped through the changed criteria one by one, focus on each in turn.
    const frame = sidebarFrameOf(page);
    await sidebar.getByRole('button', { name: 'Re-score with two-criteria 2.1.0' }).click();
    const steps = sidebar.getByRole('group', { name: 'Changed criteria' });
    const stepOf = async () => {
      const match = /Changed criterion (\d+) of (\d+): (.+)$/.exec(
        (await steps.locator('p').textContent()) ?? '',
      );
      return match ? { index: Number(match[1]), of: Number(match[2]), name: match[3]! } : null;
    };
    const focusedCriterion = () =>
      frame
        .locator(':root')
        .evaluate(
          () => document.activeElement?.closest('[role="radiogroup"]')?.getAttribute('aria-label') ?? null,
        );
    // Champion (weight 2 → 3) and Metrics (reworded, reweighted) changed; Economic buyer was removed.
    await expect.poll(stepOf).toEqual({ index: 1, of: 2, name: 'Champion' });
    await expect.poll(focusedCriterion).toBe('Champion');
    await steps.getByRole('button', { name: 'Next changed criterion' }).click();
    await expect.poll(stepOf).toEqual({ index: 2, of: 2, name: 'Metrics' });
    await expect.poll(focusedCriterion).toBe('Metrics');

    // The popup lists the deal to re-score, with a link to its page.
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const toRescore = popup.getByRole('list', { name: 'Deals to re-score' });
    const link = toRescore.getByRole('link', { name: GLOBEX.name });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(`${LIGHTNING_ORIGIN}${opportunityPath(GLOBEX.id)}`);
    expect(await toRescore.textContent()).toContain('scored under meddpicc 1.1.1');
  });

  it('tells the rep quietly that definitions adding only calibration cases change nothing in how the deal is scored', async () => {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(`${LIGHTNING_ORIGIN}${opportunityPath(GLOBEX.id)}`);
    const sidebar = sidebarOf(page);
    await sidebar.getByLabel(/Your name or email/).fill('priya@acme.example');
    await sidebar.getByRole('button', { name: 'Save name' }).click();
    await sidebar.getByRole('radiogroup', { name: 'Champion' }).getByRole('radio').nth(2).check();
    await sidebar.getByRole('button', { name: 'Save score' }).click();
    await sidebar.getByText(/^Saved at/).waitFor();

    const calibrationOnly = {
      ...meddpiccJson,
      version: '1.1.2',
      calibration: meddpiccJson.calibration.slice(1),
    };
    server.serve('/team.json', { body: JSON.stringify(calibrationOnly) });
    const options = await openOptions();
    await options.getByLabel(/Definitions URL/).fill(server.url('/team.json'));
    await options.getByRole('button', { name: 'Save URL and sync' }).click();
    await options.getByText(/^Synced: now scoring against version 1\.1\.2\./).waitFor({ timeout: 15_000 });

    const quiet = sidebar.getByLabel('Definitions updated');
    await quiet.waitFor();
    expect(await quiet.textContent()).toBe(
      'Scored under 1.1.1; 1.1.2 changes nothing in how deals are scored.',
    );
    expect(await sidebar.getByTestId('saved-versus-now').count()).toBe(0);
    expect(await sidebar.getByRole('status', { name: 'Definitions changed' }).count()).toBe(0);
    expect(await sidebar.getByText('Unsaved changes (Ctrl+Enter saves).').count()).toBe(0);
  });
});
