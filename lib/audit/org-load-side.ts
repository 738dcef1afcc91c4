import type { Definitions } from '../definitions/schema-v1';
import { mergeImports, type Merged } from '../exchange/merge-imports';
import type { OrgAuditState } from '../org/salesforce/audit/load-org-audit';
import { rowsToAuditInput } from '../org/salesforce/audit/rows-to-audit';
import { captureFieldNames } from '../org/salesforce/capture-field-names';
import { withOrgSide, type OrgAuditSide } from './audit-cli-org';

/** A finished org load as the audit page hands it to the worker: where from, how, and what it cost. */
export type OrgLoadSummary = OrgAuditSide['summary'];

/** The org rows the audit page keeps in its store, with the summary of the load that wrote them. */
export interface OrgLoadInput {
  state: OrgAuditState;
  summary: OrgLoadSummary;
}

/**
 * The files' merge (or none) with an org's stored rows merged in by score id, exactly as the CLI's
 * `--salesforce` does: same conversion, same segment fields from the definitions, same summary.
 */
export function mergeWithOrgLoad(
  files: Merged | null,
  definitions: Definitions | null,
  org: OrgLoadInput,
): Merged {
  const used = definitions ?? files?.definitions ?? null;
  const base = files ?? emptyMerge(used);
  const segmentFields =
    segmentFieldsOf(org.state) ??
    captureFieldNames(used?.captureFields ?? [], used?.salesforceFields).apiFieldOf;
  return withOrgSide(base, used, {
    read: rowsToAuditInput(org.state.rows, segmentFields),
    summary: org.summary,
  });
}

function emptyMerge(definitions: Definitions | null): Merged {
  const merged = mergeImports([], { definitions });
  // Merging no files cannot conflict; a failure here is a bug in mergeImports.
  if (!merged.ok) throw new Error('merging no files failed');
  return merged.value;
}

// The query that read the rows names its segment fields in its key: the rows answer those columns,
// whatever definitions the page has imported since.
function segmentFieldsOf(state: OrgAuditState): Map<string, string> | null {
  try {
    const key = JSON.parse(state.queryKey) as { segments?: unknown };
    if (!Array.isArray(key.segments)) return null;
    const pairs = key.segments.filter(
      (pair): pair is [string, string] =>
        Array.isArray(pair) && typeof pair[0] === 'string' && typeof pair[1] === 'string',
    );
    return new Map(pairs);
  } catch {
    return null;
  }
}
