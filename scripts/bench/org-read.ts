/**
 * `npm run bench:org-read`: the added cost of reading a Salesforce deal through the org's API on deal
 * open, against today's page reading. Real Chromium with the e2e build, the Lightning fixtures at their
 * real host and the Salesforce test server under the org's API host. Each open is a fresh tab (a new
 * visit, so one API call is due); the two readings alternate so that drift hits both alike.
 *
 *   npm run build:e2e && npm run bench:org-read -- [--opens <n>]
 */
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { isSidebarFrame } from '../../tests/support/browser/production-sidebar';
import { LIGHTNING_ORIGIN, routeLightning } from '../../tests/support/browser/crm-fixtures';
import { launchWithExtension } from '../../tests/support/browser/launch-browser';
import { GLOBEX, opportunityPath } from '../../tests/support/browser/lightning-app-records';
import { TEST_SESSIONS } from '../../tests/support/salesforce-test-org';
import { startSalesforceTestServer } from '../../tests/support/salesforce-test-server';
import { ensureRater, lightningUrl } from './sidebar-driver';
import { summarize, type Summary } from './stats';

/**
 * Installed before the scripts of every frame: in the CRM page, when the sidebar's dock appears (the
 * loader knew the URL shows a deal); in the sidebar's frame (our extension page), when it is interactive
 * (enabled radios under the deal's name) and when it says which source it shows: the API's reading, or
 * the page's with the reason. Epoch ms, so both frames' marks share one clock.
 */
const ORG_READ_RECORDER = `(() => {
  const now = () => performance.timeOrigin + performance.now();
  if (/^(chrome|moz)-extension:$/.test(location.protocol)) {
    if (!location.pathname.endsWith('/sidebar-frame.html')) return;
    const marks = { interactive: null, api: null, fallback: null };
    Object.defineProperty(window, '__benchOrgFrame', { value: marks });
    const check = () => {
      if (marks.interactive === null && document.querySelector('.ys-deal-name') && document.querySelector('input[type="radio"]:not(:disabled)')) marks.interactive = now();
      const source = document.querySelector('.ys-deal-source');
      const kind = source ? source.getAttribute('data-source') : null;
      if (kind === 'api' && marks.api === null) marks.api = now();
      if (kind === 'page' && source.classList.contains('ys-notice') && marks.fallback === null) marks.fallback = now();
    };
    new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
    return;
  }
  const marks = { origin: performance.timeOrigin, host: null };
  Object.defineProperty(window, '__benchOrg', { value: marks });
  const documentObserver = new MutationObserver(() => {
    if (!document.querySelector('[data-yardstick-dock]')) return;
    documentObserver.disconnect();
    marks.host = now();
  });
  documentObserver.observe(document, { subtree: true, childList: true });
})();`;

/** The marks of one open, in ms since the CRM page's navigation start. */
interface Marks {
  host: number | null;
  interactive: number | null;
  api: number | null;
  fallback: number | null;
}

type Reading = 'page' | 'api';

const { values } = parseArgs({ args: process.argv.slice(2), options: { opens: { type: 'string' } } });
const OPENS = Number(values.opens ?? 20);
if (!Number.isInteger(OPENS) || OPENS < 1)
  throw new Error(`--opens needs a whole number, got "${values.opens}"`);

const API_HOST = new URL(LIGHTNING_ORIGIN).hostname.replace('.lightning.force.com', '.my.salesforce.com');
const REP = TEST_SESSIONS[0]!;
const server = await startSalesforceTestServer();
const browser = await launchWithExtension({
  extraArgs: [
    `--host-resolver-rules=MAP *.my.salesforce.com 127.0.0.1:${server.httpsPort}`,
    '--ignore-certificate-errors',
  ],
});
const callsNow = () => [...server.calls.values()].reduce((sum, n) => sum + n, 0);

/** What both frames' recorders have so far, relative to the page's navigation start. */
async function readOrgMarks(page: Page): Promise<Marks> {
  const inPage = (await page.evaluate('window.__benchOrg ?? null').catch(() => null)) as {
    origin: number;
    host: number | null;
  } | null;
  const frame = page.frames().find(isSidebarFrame);
  const inFrame = frame
    ? ((await frame.evaluate('window.__benchOrgFrame ?? null').catch(() => null)) as Omit<
        Marks,
        'host'
      > | null)
    : null;
  const since = (value: number | null | undefined) =>
    inPage && value !== null && value !== undefined ? value - inPage.origin : null;
  return {
    host: since(inPage?.host),
    interactive: since(inFrame?.interactive),
    api: since(inFrame?.api),
    fallback: since(inFrame?.fallback),
  };
}

async function openOnce(reading: Reading): Promise<{ marks: Marks; calls: number; queries: number }> {
  await browser.context.clearCookies();
  if (reading === 'api') {
    await browser.context.addCookies([
      {
        name: 'sid',
        value: REP.token,
        domain: API_HOST,
        path: '/',
        secure: true,
        httpOnly: true,
        sameSite: 'None',
      },
    ]);
  }
  const callsBefore = callsNow();
  const queriesBefore = server.calls.get('GET query') ?? 0;
  const page: Page = await browser.context.newPage();
  try {
    await page.goto(lightningUrl(opportunityPath(GLOBEX.id)), { waitUntil: 'commit' });
    const settled = reading === 'api' ? 'api' : 'fallback';
    const deadline = Date.now() + 30_000;
    let marks = await readOrgMarks(page);
    while (marks.interactive === null || marks[settled] === null) {
      if (Date.now() > deadline) throw new Error(`The sidebar never settled: ${JSON.stringify(marks)}`);
      await page.waitForTimeout(20);
      marks = await readOrgMarks(page);
    }
    return {
      marks,
      calls: callsNow() - callsBefore,
      queries: (server.calls.get('GET query') ?? 0) - queriesBefore,
    };
  } finally {
    await page.close();
  }
}

try {
  await browser.context.addInitScript({ content: ORG_READ_RECORDER });
  await routeLightning(browser.context);
  // Set-up, not timed: the rater, and the first link to the org (versions and userinfo, once a session).
  const setup = await browser.context.newPage();
  await setup.goto(lightningUrl(opportunityPath(GLOBEX.id)));
  await ensureRater(setup);
  await setup.close();
  const warmCalls = callsNow();
  const first = await openOnce('api');
  const samples: Record<Reading, { marks: Marks; calls: number; queries: number }[]> = { page: [], api: [] };
  for (let i = 0; i < OPENS; i++) {
    for (const reading of ['page', 'api'] as const) samples[reading].push(await openOnce(reading));
  }
  const of = (reading: Reading, pick: (m: Marks) => number | null) =>
    summarize(samples[reading].map(({ marks }) => pick(marks) ?? Number.NaN));
  const shown = (m: Marks) =>
    m.api === null || m.interactive === null ? null : Math.max(m.api, m.interactive);
  const fmt = (s: Summary) => `median ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms (n ${s.n})`;
  const interactivePage = of('page', (m) => m.interactive);
  const interactiveApi = of('api', (m) => m.interactive);
  const apiAfterHost = of('api', (m) => (m.api === null || m.host === null ? null : m.api - m.host));
  const readyAfterHost = of('api', (m) => (shown(m) === null || m.host === null ? null : shown(m)! - m.host));
  const queriesPerOpen = samples.api.map((s) => s.queries);
  const callsPerOpen = samples.api.map((s) => s.calls);
  console.log(`Org read bench: ${OPENS} opens per reading, fresh tab each, ${new Date().toISOString()}`);
  console.log(`  sidebar interactive since navigation, page reading:   ${fmt(interactivePage)}`);
  console.log(`  sidebar interactive since navigation, API reading:    ${fmt(interactiveApi)}`);
  console.log(
    `  added cost on interactive (median API − median page):  ${(interactiveApi.median - interactivePage.median).toFixed(1)} ms`,
  );
  console.log(`  API reading shown after the sidebar knew the URL:     ${fmt(apiAfterHost)}`);
  console.log(
    `  interactive with API fields after it knew the URL:    ${fmt(readyAfterHost)} (target ≤ 150 ms)`,
  );
  console.log(
    `  API calls per open: SOQL ${Math.min(...queriesPerOpen)}–${Math.max(...queriesPerOpen)}, all calls ${Math.min(...callsPerOpen)}–${Math.max(...callsPerOpen)} (target 1); first open of the session ${first.calls} (versions, userinfo, SOQL); set-up ${warmCalls}`,
  );
  console.log(`  page reading opens calling the API: ${samples.page.filter((s) => s.calls > 0).length}`);
} finally {
  await browser.close();
  await server.close();
}
