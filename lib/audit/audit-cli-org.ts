import type { Definitions } from '../definitions/schema-v1';
import type { Merged } from '../exchange/merge-imports';
import type { OrgAuditFilters } from '../org/salesforce/audit/audit-soql';
import { loadOrgAudit, type OrgAuditState } from '../org/salesforce/audit/load-org-audit';
import { rowsToAuditInput, type OrgAuditRead } from '../org/salesforce/audit/rows-to-audit';
import { captureFieldNames } from '../org/salesforce/capture-field-names';
import type { OrgErrorCode } from '../org/salesforce/org-error';
import type { FetchLike } from '../org/salesforce/rest-client';
import type { AuditInput, AuditOutcome, AuditScore } from './audit-input';

/** The exit status of each org error, so a pipeline can tell them apart (10 and up). */
export const ORG_EXIT: Record<OrgErrorCode, number> = {
  'session-expired': 10,
  'session-refused-for-api': 11,
  'api-disabled-for-org': 12,
  'api-disabled-for-user': 13,
  'request-limit': 14,
  'not-deployed': 15,
  'invalid-field': 16,
  'not-found': 17,
  'bad-request': 18,
  'login-page': 19,
  redirect: 20,
  'server-error': 21,
  timeout: 22,
  network: 23,
  aborted: 24,
  'query-job-failed': 25,
  'unexpected-answer': 26,
  'no-team': 27,
};

/** What reading the org needs from the CLI. */
export interface OrgAuditSource {
  /** The instance URL as given; its origin is called. */
  instanceUrl: string;
  accessToken: string;
  fetch: FetchLike;
  filters: OrgAuditFilters;
  definitions: Definitions | null;
  state: OrgAuditState | null;
  bulkFrom?: number;
  wait: (ms: number) => Promise<void>;
  /** Stops the read; a Bulk job under way is aborted in the org. */
  signal?: AbortSignal;
}

/** The org's side of an audit: what was read, and how. */
export interface OrgAuditSide {
  read: OrgAuditRead;
  state: OrgAuditState;
  summary: {
    origin: string;
    via: 'rest' | 'bulk';
    incremental: boolean;
    changed: number;
    /** Scores the org deleted since the last load, dropped from the audit. */
    deleted: number;
    calls: number;
  };
}

/** Reads the org for the CLI: the org error as `{code, message}` when it fails. */
export async function readOrgForAudit(
  source: OrgAuditSource,
): Promise<{ ok: true; value: OrgAuditSide } | { ok: false; exitCode: number; message: string }> {
  const origin = new URL(source.instanceUrl).origin;
  const segmentFields = captureFieldNames(
    source.definitions?.captureFields ?? [],
    source.definitions?.salesforceFields,
  ).apiFieldOf;
  const loaded = await loadOrgAudit({
    connection: {
      origin,
      sessionId: source.accessToken,
      fetch: source.fetch,
      timeoutMs: 120_000,
      signal: source.signal,
    },
    filters: source.filters,
    segmentFields,
    state: source.state,
    bulkFrom: source.bulkFrom,
    wait: source.wait,
  });
  if (!loaded.ok) {
    const { error } = loaded;
    const org = error.orgCode ? ` (${error.orgCode}${error.orgMessage ? `: ${error.orgMessage}` : ''})` : '';
    return { ok: false, exitCode: ORG_EXIT[error.code], message: `${origin}: ${error.message}${org}` };
  }
  const { state, via, incremental, changed, deleted, calls, rows } = loaded.value;
  return {
    ok: true,
    value: {
      read: rowsToAuditInput(rows, segmentFields),
      state,
      summary: { origin, via, incremental, changed, deleted, calls },
    },
  };
}

/**
 * Merges the org's scores with the files': by score id, the org's record wins and the file's copy is a
 * duplicate (counted once). A file score that claims an org-verified rater the org has no record of
 * is flagged and left out, never merged silently. Outcomes the org knows win over a file's.
 */
export function mergeOrgWithFiles(
  org: OrgAuditRead,
  files: Merged | null,
): { input: AuditInput; flagged: string[]; duplicates: number } {
  const orgIds = new Set(org.scores.map((score) => score.id));
  const claimed = new Set(files?.summary.claimedVerified ?? []);
  const flagged: string[] = [];
  let duplicates = 0;
  const scores: AuditScore[] = [...org.scores];
  for (const score of files?.input.scores ?? []) {
    if (orgIds.has(score.id)) duplicates++;
    else if (claimed.has(score.id))
      flagged.push(
        `score ${score.id} (${score.rater}, ${score.deal}) claims an org-verified rater, but the org has no record of it: left out`,
      );
    else scores.push(score);
  }
  const orgDeals = new Set(org.outcomes.map((outcome) => outcome.deal));
  const outcomes: AuditOutcome[] = [
    ...org.outcomes,
    ...(files?.input.outcomes ?? []).filter((outcome) => !orgDeals.has(outcome.deal)),
  ];
  return {
    input: {
      scores,
      outcomes,
      ...(files?.input.criteria ? { criteria: files.input.criteria } : {}),
      bands: files?.input.bands ?? null,
      staleAfterDays: files?.input.staleAfterDays ?? 30,
    },
    flagged,
    duplicates,
  };
}

/**
 * The files' merge with the org's side merged in: the input of {@link mergeOrgWithFiles}, and a summary
 * that counts the org's duplicates, names flagged and unreadable rows, and lists the verified raters.
 */
export function withOrgSide(
  files: Merged,
  definitions: Definitions | null,
  side: Pick<OrgAuditSide, 'read' | 'summary'>,
): Merged {
  const { read, summary } = side;
  const merged = mergeOrgWithFiles(read, files);
  const fileScores = merged.input.scores.length - read.scores.length;
  return {
    input: merged.input,
    definitions: files.definitions ?? definitions ?? null,
    summary: {
      ...files.summary,
      duplicates: files.summary.duplicates + merged.duplicates,
      warnings: [
        ...files.summary.warnings,
        ...merged.flagged,
        ...read.problems.map((problem) => `${summary.origin}: ${problem}: left out`),
      ],
      selfDeclared: fileScores > 0,
      salesforce: { ...summary, scores: read.scores.length, outcomes: read.outcomes.length },
      verifiedRaters: read.verifiedRaters,
    },
  };
}
