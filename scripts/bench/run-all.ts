/**
 * `npm run bench`: the page bench, then the audit bench (see bench-steps.ts). npm appends a script's
 * arguments to its last command only, so `bench:page && bench:audit` used to hand `--peer` to the audit
 * bench; here every flag reaches the page bench.
 */
import { spawnSync } from 'node:child_process';
import { benchSteps } from './bench-steps';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let status = 0;
for (const step of benchSteps(process.argv.slice(2))) {
  const args = ['run', '--silent', step.script, ...(step.args.length ? ['--', ...step.args] : [])];
  status = spawnSync(npm, args, { stdio: 'inherit' }).status ?? 1;
  // Like `a && b`: a failed page bench skips the audit bench.
  if (status !== 0) break;
}
process.exitCode = status;
