import { spawn } from 'node:child_process';
import path from 'node:path';
import type { SalesforceTestServer } from '../../tests/support/salesforce-test-server';
import { processUsage, samplePeak } from './process-memory';

/** How one `npm run audit -- --salesforce` run went. */
export interface CliRunFigures {
  wallMs: number;
  exitCode: number | null;
  apiCalls: number;
  callsByRoute: string;
  peakRssBytes: number | null;
  /** CPU time of the CLI process (ms), and of the test org in the bench process during the run. */
  cpuMs: { cli: number; testOrg: number };
  /** The report's score count (`--json` inputs), or null when it could not be read. */
  scores: number | null;
  stderr: string;
}

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Runs the audit CLI against the org at `origin` with the manager's token, in one Node process (tsx
 * as a loader, so the sampled resident set is the audit's own); Node's fetch reaches the real host
 * name through route-test-org.mjs.
 */
export async function measureCliRun(
  server: SalesforceTestServer,
  origin: string,
  token: string,
  definitionsFile: string,
  timeoutMs: number,
): Promise<CliRunFigures> {
  const callsBefore = new Map(server.calls);
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--import',
      path.join(import.meta.dirname, 'route-test-org.mjs'),
      path.join(ROOT, 'scripts/audit.ts'),
      '--json',
      '--definitions',
      definitionsFile,
      '--salesforce',
      origin,
    ],
    {
      cwd: ROOT,
      env: { ...process.env, SF_ACCESS_TOKEN: token, YARDSTICK_TEST_ORG_PORT: String(server.httpsPort) },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const serverCpuBefore = process.cpuUsage();
  let cliCpuMs = 0;
  const stopRss = samplePeak(() => {
    const usage = child.pid ? processUsage(child.pid) : null;
    if (usage) cliCpuMs = usage.cpuMs;
    return usage?.rssBytes ?? null;
  });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const exitCode = await new Promise<number | null>((resolve) => child.once('close', resolve));
  clearTimeout(timer);
  const wallMs = performance.now() - started;
  const peakRssBytes = await stopRss();
  const serverCpu = process.cpuUsage(serverCpuBefore);
  let scores: number | null = null;
  try {
    const report = JSON.parse(Buffer.concat(stdout).toString('utf8')) as {
      report?: { inputs?: { scores?: unknown } };
      inputs?: { scores?: unknown };
    };
    const value = report.report?.inputs?.scores ?? report.inputs?.scores;
    scores = typeof value === 'number' ? value : null;
  } catch {
    // Not JSON (the run failed): the count stays unknown.
  }
  const delta = [...server.calls]
    .map(([route, n]) => [route, n - (callsBefore.get(route) ?? 0)] as const)
    .filter(([, n]) => n > 0);
  return {
    wallMs,
    exitCode,
    apiCalls: delta.reduce((sum, [, n]) => sum + n, 0),
    callsByRoute: delta.map(([route, n]) => `${route} ${n}`).join(', '),
    peakRssBytes,
    cpuMs: { cli: cliCpuMs, testOrg: (serverCpu.user + serverCpu.system) / 1000 },
    scores,
    stderr: Buffer.concat(stderr).toString('utf8').slice(0, 500),
  };
}
