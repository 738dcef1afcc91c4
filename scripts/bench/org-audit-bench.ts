/**
 * Org audit benchmark: `npm run bench:org-audit [-- --no-million]`. Needs `npm run build:e2e`.
 *
 * The manager's "Load from Salesforce" on the audit page, in Debian's Chromium, against the Salesforce
 * test server reached under the org's real API host (host-resolver-rules, HTTPS). The test org computes
 * its scores from their index (tests/support/salesforce-test-synthetic.ts), so a million rows cost the
 * server no memory until a page of them is read.
 *
 * Measures: 100,000 scores through Bulk API 2.0 and through REST paging (the panel's "Bulk API from"
 * set above the row count), an incremental load with 1% of the rows changed, a second load with nothing
 * changed, then 1,000,000 scores through Bulk on the page and through the CLI (`npm run audit --
 * --salesforce`). Time to the report, API calls, peak memory, the audit page's longest main-thread task.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { launchWithExtension, type ExtensionBrowser } from '../../tests/support/browser/launch-browser';
import { auditDefinitions } from '../../tests/support/org-audit-fixture';
import { TEST_SESSIONS } from '../../tests/support/salesforce-test-org';
import {
  startSalesforceTestServer,
  type SalesforceTestServer,
} from '../../tests/support/salesforce-test-server';
import { readMachine } from './machine';
import { measureCliRun, type CliRunFigures } from './org-audit-cli';
import { measurePageLoad, openAuditPage, type PageLoadFigures, type PageLoadOptions } from './org-audit-page';

const API_HOST = 'yardstick-demo.my.salesforce.com';
const ORIGIN = `https://${API_HOST}`;
const MANAGER = TEST_SESSIONS[1]!;
const WITH_MILLION = !process.argv.includes('--no-million');
/** `--cli-only=<rows>`: only the CLI load, of that many scores (a quick look at the library's cost). */
const CLI_ONLY = Number(process.argv.find((arg) => arg.startsWith('--cli-only='))?.split('=')[1] ?? 0);
/** Far above any row count here: the load stays on REST paging. */
const REST_ONLY = '100000000';
/** The million-row loads get this long each; the machine is shared, so a run that cannot make it stops. */
const PAGE_MILLION_TIMEOUT_MS = 420_000;
const CLI_TIMEOUT_MS = 420_000;
/** A modstamp after every synthetic row's: the rows written again since the last load. */
const CHANGED_AT = '2026-12-02T00:00:00.000+0000';

interface Row {
  load: string;
  figures: PageLoadFigures | null;
  cli?: CliRunFigures;
  note?: string;
}

async function launch(server: SalesforceTestServer): Promise<ExtensionBrowser> {
  const browser = await launchWithExtension({
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
  return browser;
}

/** One load on a fresh audit page, so the page's memory is this load's alone. */
async function pageLoad(
  browser: ExtensionBrowser,
  server: SalesforceTestServer,
  definitionsFile: string,
  options: PageLoadOptions,
): Promise<PageLoadFigures> {
  const page = await openAuditPage(browser, definitionsFile);
  try {
    return await measurePageLoad(browser, page, server, ORIGIN, options);
  } finally {
    await page.close();
  }
}

const mb = (bytes: number | null | undefined) =>
  bytes === null || bytes === undefined ? '–' : `${Math.round(bytes / 1_048_576)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function printTable(rows: Row[]): void {
  const header = [
    'load',
    'to report',
    'load done',
    'API calls',
    'page heap peak',
    'ext. process RSS peak',
    'longest page task',
    'CPU s: extension / Chromium / test org',
  ];
  const lines = rows.map((row) => {
    if (row.cli)
      return [
        row.load,
        seconds(row.cli.wallMs),
        '(CLI)',
        String(row.cli.apiCalls),
        '–',
        `${mb(row.cli.peakRssBytes)} (CLI process)`,
        '–',
        `CLI ${seconds(row.cli.cpuMs.cli)} / – / ${seconds(row.cli.cpuMs.testOrg)}`,
      ];
    if (!row.figures) return [row.load, row.note ?? 'failed', '', '', '', '', '', ''];
    const f = row.figures;
    return [
      row.load,
      seconds(f.toReportMs),
      seconds(f.toLoadedMs),
      String(f.apiCalls),
      mb(f.pageHeapPeak),
      mb(f.processRssPeak),
      Number.isNaN(f.longestTaskMs) ? 'not traced' : `${f.longestTaskMs.toFixed(1)} ms`,
      [f.cpuMs.extension, f.cpuMs.chromium, f.cpuMs.testOrg].map((ms) => (ms / 1000).toFixed(1)).join(' / '),
    ];
  });
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i]!.length)));
  const format = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(format(header));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const line of lines) console.log(format(line));
  console.log('');
  for (const row of rows) {
    if (row.figures)
      console.log(
        `${row.load}: "${row.figures.loadedText}" — calls ${row.figures.callsByRoute}; longest tasks ${row.figures.longestTasksMs.join(', ')} ms (the longest: ${row.figures.longestTaskCpuMs.toFixed(1)} ms CPU; ${row.figures.longestTaskParts.join(', ') || 'nothing inside'})`,
      );
    if (row.cli)
      console.log(
        `${row.load}: exit ${row.cli.exitCode ?? `none (stopped after ${seconds(CLI_TIMEOUT_MS)})`}, ${row.cli.scores ?? '?'} scores in the report — calls ${row.cli.callsByRoute}${row.cli.exitCode === 0 ? '' : `; stderr: ${row.cli.stderr}`}`,
      );
    if (row.note && row.figures) console.log(`${row.load}: ${row.note}`);
  }
}

async function main(): Promise<void> {
  const machine = readMachine();
  const uptimeAtStart = os.loadavg().map((load) => load.toFixed(2));
  const dir = mkdtempSync(path.join(tmpdir(), 'org-audit-bench-'));
  const definitionsFile = path.join(dir, 'definitions.json');
  writeFileSync(definitionsFile, JSON.stringify(auditDefinitions()));
  const rows: Row[] = [];
  // Each finished load is printed at once, so a run stopped later keeps what it measured.
  const push = (row: Row) => {
    rows.push(row);
    console.error(`measured ${row.load}: ${JSON.stringify(row.figures ?? row.cli ?? row.note)}`);
  };

  const server = await startSalesforceTestServer();
  try {
    if (CLI_ONLY > 0) {
      server.useSyntheticScores(CLI_ONLY);
      push({
        load: `${CLI_ONLY.toLocaleString('en')} scores, CLI`,
        figures: null,
        cli: await measureCliRun(server, ORIGIN, MANAGER.token, definitionsFile, CLI_TIMEOUT_MS),
      });
      return;
    }
    const hundredK = server.useSyntheticScores(100_000);
    let browser = await launch(server);
    try {
      const base = { savedFrom: '', expectedScores: 100_000, timeoutMs: 180_000, trace: true };
      push({
        load: '100k, Bulk API 2.0 (first load)',
        figures: await pageLoad(browser, server, definitionsFile, { ...base, bulkFrom: '' }),
      });
      const changed = Array.from({ length: 1000 }, (_, i) => i * 100);
      hundredK.touch(changed, CHANGED_AT);
      push({
        load: '100k, incremental, 1% changed',
        figures: await pageLoad(browser, server, definitionsFile, { ...base, bulkFrom: '' }),
      });
      push({
        load: '100k, second load, nothing changed',
        figures: await pageLoad(browser, server, definitionsFile, { ...base, bulkFrom: '' }),
      });
      // Another "Saved from" is another query, so this load reads everything again, over REST.
      push({
        load: '100k, REST paging (Bulk from 100,000,000)',
        figures: await pageLoad(browser, server, definitionsFile, {
          ...base,
          savedFrom: '2000-01-01',
          bulkFrom: REST_ONLY,
        }),
      });
    } finally {
      await browser.close();
    }

    if (WITH_MILLION) {
      server.useSyntheticScores(1_000_000);
      browser = await launch(server);
      try {
        push({
          load: '1M, Bulk API 2.0, audit page',
          figures: await pageLoad(browser, server, definitionsFile, {
            bulkFrom: '',
            savedFrom: '',
            expectedScores: 1_000_000,
            timeoutMs: PAGE_MILLION_TIMEOUT_MS,
            trace: false,
          }),
        });
      } catch (error) {
        push({
          load: '1M, Bulk API 2.0, audit page',
          figures: null,
          note: `did not reach the report: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
        });
      } finally {
        await browser.close();
      }
      push({
        load: '1M, Bulk API 2.0, CLI',
        figures: null,
        cli: await measureCliRun(server, ORIGIN, MANAGER.token, definitionsFile, CLI_TIMEOUT_MS),
      });
    }
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }

  console.log(
    `Org audit load, ${machine.chromium}, Node ${machine.node}, ${machine.nproc} cores (${machine.cpuModel})`,
  );
  console.log(
    `load average at start ${uptimeAtStart.join(' ')}, at end ${os
      .loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')}\n`,
  );
  printTable(rows);
  console.log(
    '\nPage heap: CDP Performance.getMetrics JSHeapUsedSize of the audit page main thread, sampled every 200 ms' +
      ' (performance.measureUserAgentSpecificMemory needs cross-origin isolation, which the extension page has not).' +
      ' Ext. process RSS: the extension renderer process (audit page, its worker, the service worker), from /proc.',
  );
}

await main();
