/**
 * `npm run audit -- [--json] [--definitions <file>] [--as-of <date>] <files...>`: the manager audit
 * for RevOps pipelines. The work is in lib/audit/audit-cli.ts; this file only wires Node's I/O.
 */
import '../lib/zod-jitless';
import { readFile } from 'node:fs/promises';
import { runAuditCli } from '../lib/audit/audit-cli';

const result = await runAuditCli(process.argv.slice(2), {
  readFile: async (path) => new Uint8Array(await readFile(path)),
  now: () => new Date(),
});
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.exitCode;
