import type { Definitions } from '../definitions/schema-v1';
import { decodeText } from '../exchange/decode-text';
import type { Merged } from '../exchange/merge-imports';
import { parseTimestamp } from '../exchange/parse-timestamp';
import type { OrgAuditFilters } from '../org/salesforce/audit/audit-soql';
import type { OrgAuditState } from '../org/salesforce/audit/load-org-audit';
import { stateFromFileText, stateToFileText } from '../org/salesforce/audit/state-file';
import { readOrgForAudit, withOrgSide } from './audit-cli-org';
import type { FetchLike } from '../org/salesforce/rest-client';

/** The `--salesforce` options as parsed. */
export interface OrgOptions {
  instanceUrl: string | null;
  statePath: string | null;
  filters: OrgAuditFilters;
  bulkFrom: number | undefined;
  definitionsVersion: string | null;
}

/** What reading the org needs from the outside world (a subset of the CLI's io). */
export interface OrgCliIo {
  readFile: (path: string) => Promise<Uint8Array>;
  fetch?: FetchLike;
  env?: Readonly<Record<string, string | undefined>>;
  writeFile?: (path: string, text: string) => Promise<void>;
  wait?: (ms: number) => Promise<void>;
  /** Aborted on Ctrl-C: the read stops, and a Bulk job under way is aborted in the org. */
  signal?: AbortSignal;
}

/** Exit status of a state file that cannot be read or written (the org was fine). */
export const STATE_FILE_EXIT = 1;

const TAKES_VALUE = new Set([
  '--salesforce',
  '--state',
  '--from',
  '--to',
  '--raters',
  '--definitions-version',
  '--bulk-from',
]);

/** Takes one `--salesforce` option at `argv[i]` into `org`; `none` when the argument is another one. */
export function parseOrgOptions(
  argv: readonly string[],
  i: number,
  org: OrgOptions,
): { kind: 'none' } | { kind: 'taken'; next: number } | { kind: 'error'; message: string } {
  const arg = argv[i]!;
  if (arg === '--calibration-only') {
    org.filters = { ...org.filters, calibrationOnly: true };
    return { kind: 'taken', next: i };
  }
  if (arg === '--my-team') {
    org.filters = { ...org.filters, myTeam: true };
    return { kind: 'taken', next: i };
  }
  if (!TAKES_VALUE.has(arg)) return { kind: 'none' };
  const value = argv[i + 1];
  if (value === undefined) return { kind: 'error', message: `${arg} needs a value` };
  switch (arg) {
    case '--salesforce': {
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        return {
          kind: 'error',
          message: `--salesforce "${value}" is not a URL (https://acme.my.salesforce.com)`,
        };
      }
      if (url.protocol !== 'https:' && url.protocol !== 'http:')
        return { kind: 'error', message: `--salesforce "${value}" is not an https URL` };
      org.instanceUrl = value;
      break;
    }
    case '--state':
      org.statePath = value;
      break;
    case '--from':
    case '--to': {
      if (parseTimestamp(value) === null)
        return { kind: 'error', message: `${arg} "${value}" is not an ISO 8601 date` };
      org.filters = { ...org.filters, [arg === '--from' ? 'savedFrom' : 'savedTo']: value };
      break;
    }
    case '--raters': {
      const ids = value
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean);
      const bad = ids.find((id) => !/^005[0-9A-Za-z]{12}(?:[0-9A-Za-z]{3})?$/.test(id));
      if (bad !== undefined || ids.length === 0)
        return {
          kind: 'error',
          message: `--raters takes org user ids (005…), comma-separated; "${bad ?? value}" is not one`,
        };
      org.filters = { ...org.filters, raterIds: ids };
      break;
    }
    case '--definitions-version':
      org.definitionsVersion = value;
      break;
    case '--bulk-from': {
      const count = Number(value);
      if (!Number.isInteger(count) || count < 1)
        return { kind: 'error', message: `--bulk-from "${value}" is not a positive whole number` };
      org.bulkFrom = count;
      break;
    }
  }
  return { kind: 'taken', next: i + 1 };
}

/**
 * Reads the org (incrementally, with a state file), merges its scores with the files' and returns the
 * merged input and summary the report prints; an org error as its exit status and message.
 */
export async function runOrgAudit(
  org: OrgOptions,
  definitions: Definitions | null,
  files: Merged,
  io: OrgCliIo,
): Promise<{ ok: true; value: Merged } | { ok: false; exitCode: number; message: string }> {
  const token = io.env?.SF_ACCESS_TOKEN;
  if (!token)
    return {
      ok: false,
      exitCode: 2,
      message:
        '--salesforce needs the access token in SF_ACCESS_TOKEN (`sf org display` prints it as Access Token).',
    };
  if (!io.fetch) throw new Error('runOrgAudit needs io.fetch');
  if (org.filters.myTeam && org.filters.raterIds)
    return { ok: false, exitCode: 2, message: '--my-team and --raters exclude each other: pick one' };
  if (org.definitionsVersion !== null && !definitions)
    return { ok: false, exitCode: 2, message: '--definitions-version needs --definitions (its id)' };
  let state: OrgAuditState | null = null;
  if (org.statePath !== null) {
    const read = await readState(org.statePath, io);
    if (!read.ok) return { ok: false, exitCode: STATE_FILE_EXIT, message: read.message };
    state = read.state;
  }
  const filters: OrgAuditFilters = {
    ...org.filters,
    ...(definitions ? { definitions: { id: definitions.id, version: org.definitionsVersion } } : {}),
  };
  const side = await readOrgForAudit({
    instanceUrl: org.instanceUrl!,
    accessToken: token,
    fetch: io.fetch,
    filters,
    definitions,
    state,
    bulkFrom: org.bulkFrom,
    wait: io.wait ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    signal: io.signal,
  });
  if (!side.ok) return side;
  if (org.statePath !== null) {
    if (!io.writeFile) throw new Error('runOrgAudit needs io.writeFile for --state');
    try {
      await io.writeFile(org.statePath, stateToFileText(side.value.state));
    } catch (error) {
      return {
        ok: false,
        exitCode: STATE_FILE_EXIT,
        message: `${org.statePath}: cannot write the state (${error instanceof Error ? error.message : String(error)})`,
      };
    }
  }
  return { ok: true, value: withOrgSide(files, definitions, side.value) };
}

async function readState(
  path: string,
  io: OrgCliIo,
): Promise<{ ok: true; state: OrgAuditState | null } | { ok: false; message: string }> {
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(path);
  } catch (error) {
    // No state file yet: the first load reads everything and writes it.
    if ((error as { code?: unknown }).code === 'ENOENT') return { ok: true, state: null };
    return {
      ok: false,
      message: `${path}: cannot read the state (${error instanceof Error ? error.message : String(error)})`,
    };
  }
  const text = decodeText(path, bytes);
  if (!text.ok) return { ok: false, message: `${path}: the state is not UTF-8 text` };
  const state = stateFromFileText(text.value);
  if (state) return { ok: true, state };
  return {
    ok: false,
    message: `${path}: not a Yardstick audit state file; delete it to read the org afresh`,
  };
}
