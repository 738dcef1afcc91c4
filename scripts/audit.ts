/**
 * `npm run audit -- [--json] [--definitions <file>] [--as-of <date>] [--salesforce <url>] <files...>`: the manager audit
 * for RevOps pipelines. The work is in lib/audit/audit-cli.ts; this file only wires Node's I/O.
 */
import '../lib/zod-jitless';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { EXIT, runAuditCli } from '../lib/audit/audit-cli';

// `npm run` starts scripts in the package root; paths on the command line are relative to where
// the user typed them, which npm passes as INIT_CWD.
const base = process.env.INIT_CWD ?? process.cwd();

// Ctrl-C during an org read: stop reading and abort a Bulk job in the org, rather than leave it running.
const interrupted = new AbortController();
const onInterrupt = () => interrupted.abort();
process.once('SIGINT', onInterrupt);

// runAuditCli refuses bad files itself; this catch is the last line, so that even a bug prints one
// explained line and exit status 1 instead of an uncaught stack trace.
const result = await runAuditCli(process.argv.slice(2), {
  readFile: async (file) => new Uint8Array(await readFile(path.resolve(base, file))),
  now: () => new Date(),
  // Node's fetch trusts the system CAs plus NODE_EXTRA_CA_CERTS: a test org's self-signed certificate goes there.
  fetch: (url, init) => fetch(url, init),
  env: process.env,
  writeFile: (file, text) => writeFile(path.resolve(base, file), text, 'utf8'),
  // Ctrl-C ends the wait at once; the next step then sees the abort.
  wait: (ms) => sleep(ms, undefined, { signal: interrupted.signal }).catch(() => undefined),
  signal: interrupted.signal,
})
  .catch((error: unknown) => ({
    exitCode: EXIT.badInput,
    stdout: '',
    stderr: `The audit stopped: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}. Nothing was audited.\n`,
  }))
  .finally(() => process.off('SIGINT', onInterrupt));
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.exitCode;
