import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SalesforceTestServer } from '../../tests/support/salesforce-test-server';
import { samplePeak } from './process-memory';

/** How one `npm run audit -- --salesforce` run went. */
export interface CliRunFigures {
  wallMs: number;
  exitCode: number | null;
  apiCalls: number;
  callsByRoute: string;
  peakRssBytes: number | null;
  /** The report's score count (`--json` inputs), or null when it could not be read. */
  scores: number | null;
  stderr: string;
}

const ROOT = path.resolve(import.meta.dirname, '../..');

function rssOf(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : null;
  } catch {
    return null;
  }
}

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
  const stopRss = samplePeak(() => (child.pid ? rssOf(child.pid) : null));
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  const exitCode = await new Promise<number | null>((resolve) => child.once('close', resolve));
  const wallMs = performance.now() - started;
  const peakRssBytes = await stopRss();
  let scores: number | null = null;
  try {
    const report = JSON.parse(Buffer.concat(stdout).toString('utf8')) as {
      report?: { inputs?: { scores?: unknown } };
      inputs?: { scores?: unknown };
    };
    const value = report.report?.inputs?.scores ?? report.inputs?.scores;
    scores = typeof value === 'number' ? value : null;
  } catch {
    scores = null;
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
    scores,
    stderr: Buffer.concat(stderr).toString('utf8').slice(0, 500),
  };
}
