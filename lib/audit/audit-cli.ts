import type { Definitions } from '../definitions/schema-v1';
import { decodeText } from '../exchange/decode-text';
import { formatImportError, type ImportError } from '../exchange/import-problem';
import { mergeImports } from '../exchange/merge-imports';
import { readDefinitionsFile } from '../exchange/read-definitions-file';
import { readFailure } from '../exchange/read-failure';
import { readImportFile, type ImportedFile } from '../exchange/read-import-file';
import { parseTimestamp } from '../exchange/parse-timestamp';
import { err } from '../result';
import { toAuditJson } from './audit-report-json';
import { formatAuditText } from './format-audit-text';
import { runAudit } from './run-audit';
import { parseOrgOptions, runOrgAudit, type OrgOptions } from './audit-cli-salesforce';
import type { FetchLike } from '../org/salesforce/rest-client';

/** What the CLI needs from the outside world (scripts/audit.ts passes Node's). */
export interface AuditCliIo {
  readFile: (path: string) => Promise<Uint8Array>;
  now: () => Date;
  /** For `--salesforce`: the network, the environment (`SF_ACCESS_TOKEN`), the state file and a timer. */
  fetch?: FetchLike;
  env?: Readonly<Record<string, string | undefined>>;
  writeFile?: (path: string, text: string) => Promise<void>;
  wait?: (ms: number) => Promise<void>;
  /** Aborted on Ctrl-C (SIGINT): the org read stops and a Bulk job under way is aborted in the org. */
  signal?: AbortSignal;
}

/** What the CLI prints and how it exits. */
export interface AuditCliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/**
 * Exit codes: 0 report printed, 1 bad input (file:line on stderr), 2 wrong usage, 3 report printed
 * without files that conflict with others (named on stderr).
 */
export const EXIT = { ok: 0, badInput: 1, usage: 2, partial: 3 } as const;

/** The usage text of `npm run audit`. */
export const AUDIT_USAGE = `Usage: npm run audit -- [--json] [--definitions <file>] [--as-of <date>] <files...>
       npm run audit -- --salesforce <instance URL> [--state <file>] [filters] [options] [files...]

Reads Yardstick bundles (.json/.ndjson), ratings CSVs (deal,rater,criterion,level[,scored_at,context,definitions_version])
and outcomes CSVs (deal,outcome[,segment columns...]), and prints the audit.

  --json                 one JSON document on stdout (numbers unrounded; null + "<name>Reason" when not computable)
  --definitions <file>   check every level against these definitions (JSON or YAML); use their weights and bands
  --as-of <date>         "now" for staleness (ISO 8601; default: the current time)
  --help                 this text

Reading the Salesforce org (token from SF_ACCESS_TOKEN, what \`sf org display\` prints as Access Token):
  --salesforce <url>     the org's instance URL, used as given (a self-signed https server needs NODE_EXTRA_CA_CERTS)
  --state <file>         keep what was read here; the next run asks the org only for what changed
  --from <date>, --to <date>   scores saved in this range      --raters <id,id,...>  these org users only
  --my-team              the users below yours in the org's role hierarchy (read at each run)
  --definitions-version <v>    this version of --definitions' id  --calibration-only  calibration scores only
  --bulk-from <n>        read through a Bulk API 2.0 job from this many rows (default 50000)
  Org errors exit 10-27 (docs/audit.md lists each); a bundle claiming an org-verified rater the org lacks is left out and named.

Exit status: 0 report printed, 1 bad input (file:line: message on stderr), 2 wrong usage,
3 report printed without the files that conflict with others (each named on stderr).
See docs/audit.md for the statistics and docs/data-formats.md for the file formats.
`;

/** Runs `npm run audit` with the given arguments; never throws for bad input. */
export async function runAuditCli(argv: readonly string[], io: AuditCliIo): Promise<AuditCliResult> {
  const usage = (message: string): AuditCliResult => ({
    exitCode: EXIT.usage,
    stdout: '',
    stderr: `${message}\n\n${AUDIT_USAGE}`,
  });
  let json = false;
  let definitionsPath: string | null = null;
  let asOf: number | null = null;
  const files: string[] = [];
  const org: OrgOptions = {
    instanceUrl: null,
    statePath: null,
    filters: {},
    bulkFrom: undefined,
    definitionsVersion: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return { exitCode: EXIT.ok, stdout: AUDIT_USAGE, stderr: '' };
    const orgOption = parseOrgOptions(argv, i, org);
    if (orgOption.kind === 'error') return usage(orgOption.message);
    if (orgOption.kind === 'taken') {
      i = orgOption.next;
      continue;
    }
    if (arg === '--json') json = true;
    else if (arg === '--definitions' || arg === '--as-of') {
      const value = argv[++i];
      if (value === undefined) return usage(`${arg} needs a value`);
      if (arg === '--definitions') definitionsPath = value;
      else {
        asOf = parseTimestamp(value);
        if (asOf === null) return usage(`--as-of "${value}" is not an ISO 8601 date`);
      }
    } else if (arg === '--') continue;
    else if (arg.startsWith('--')) return usage(`unknown option ${arg}`);
    else files.push(arg);
  }
  if (files.length === 0 && org.instanceUrl === null) return usage('no input files');

  const failures: string[] = [];
  let definitions: Definitions | null = null;
  if (definitionsPath !== null) {
    const text = await readText(definitionsPath, io, failures);
    if (text !== null) {
      const parsed = readDefinitionsFile(definitionsPath, text);
      if (parsed.ok) definitions = parsed.value;
      else {
        for (const problem of parsed.error.problems) {
          failures.push(
            `${definitionsPath}:${located(problem)}${problem.path ? `${problem.path}: ` : ''}${problem.message}`,
          );
        }
      }
    }
  }
  const imported: ImportedFile[] = [];
  for (const file of files) {
    const text = await readText(file, io, failures);
    if (text === null) continue;
    const read = await readImportFile(file, text).catch((error: unknown) => err(readFailure(file, error)));
    if (read.ok) imported.push(read.value);
    else failures.push(...formatImportError(read.error));
  }
  if (failures.length > 0) return badInput(failures);
  const merged = mergeImports(imported, { definitions });
  if (!merged.ok) return badInput(merged.error.flatMap((error: ImportError) => formatImportError(error)));
  if (org.instanceUrl !== null) {
    const orgRun = await runOrgAudit(org, definitions, merged.value, io);
    if (!orgRun.ok) return { exitCode: orgRun.exitCode, stdout: '', stderr: `${orgRun.message}\n` };
    merged.value = orgRun.value;
  }

  const report = runAudit(merged.value.input, { asOf: asOf ?? io.now().getTime() });
  const stdout = json
    ? `${JSON.stringify(toAuditJson(report, merged.value.summary, merged.value.definitions), null, 2)}\n`
    : formatAuditText(report, merged.value.summary);
  const { refused } = merged.value.summary;
  if (refused.length === 0) return { exitCode: EXIT.ok, stdout, stderr: '' };
  const lines = refused.flatMap(({ error }) => [error.summary, ...formatImportError(error)]);
  return { exitCode: EXIT.partial, stdout, stderr: `${lines.join('\n')}\n` };
}

async function readText(path: string, io: AuditCliIo, failures: string[]): Promise<string | null> {
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(path);
  } catch (error) {
    failures.push(
      `${path}: cannot read the file (${error instanceof Error ? error.message : String(error)})`,
    );
    return null;
  }
  const decoded = decodeText(path, bytes);
  if (!decoded.ok) {
    failures.push(...formatImportError(decoded.error));
    return null;
  }
  return decoded.value;
}

function located(problem: { line?: number; column?: number }): string {
  return problem.line === undefined ? ' ' : `${problem.line}:${problem.column ?? 1}: `;
}

function badInput(lines: readonly string[]): AuditCliResult {
  return {
    exitCode: EXIT.badInput,
    stdout: '',
    stderr: `${lines.join('\n')}\nNothing was audited: fix the files above and run again.\n`,
  };
}
