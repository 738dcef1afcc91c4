import { useEffect, useMemo, useRef, useState } from 'react';
import type { AuditReport } from '../../../lib/audit/audit-report';
import { applyProposals, proposeChanges, type Proposal } from '../../../lib/audit/definition-proposals';
import {
  describeDraftChanges,
  draftProblems,
  serializeDefinitions,
  setAt,
  startDraft,
  type DraftDocument,
} from '../../../lib/definitions/next-version';
import type { Definitions } from '../../../lib/definitions/schema-v1';
import { appendItem, newCriterion } from '../../../lib/definitions/draft-edits';
import { DraftBands } from './DraftBands';
import { DraftCriterion } from './DraftCriterion';
import { DraftField, DraftGroupProblem, type DraftBinding } from './DraftField';
import { DraftStages } from './DraftStages';
import { downloadFile } from '../download-file';

function proposalText(proposal: Proposal, name: (id: string) => string): string {
  switch (proposal.kind) {
    case 'reword':
      return `Reword the levels of ${name(proposal.criterion)} (${proposal.why}): the raters split on them; the new wording is yours to write.`;
    case 'talk':
      return proposal.settled
        ? `Do not reword ${name(proposal.criterion)}: talk to ${proposal.raters.join(', ')} (${proposal.why}).`
        : `Talk to ${proposal.raters.join(', ')} about ${name(proposal.criterion)} before rewording it (${proposal.why}).`;
    case 'weight':
      return `${proposal.to > proposal.from ? 'Raise' : 'Lower'} the weight of ${name(proposal.criterion)} from ${proposal.from} to ${proposal.to} (${proposal.why}). Applied below.`;
    case 'gate':
      return `Gate ${name(proposal.criterion)} at level ${proposal.level} by stage ${proposal.stage} (${proposal.why}). Applied below.`;
  }
}

/**
 * The next definitions version, drafted from the findings: seeded with the current definitions and
 * the proposed weights and gates, every field validated as typed with the CLI's messages, the
 * changes listed, and the file downloaded as JSON or YAML. The extension publishes nothing.
 */
export function DraftEditor({ current, report }: { current: Definitions; report: AuditReport | null }) {
  const proposals = useMemo(() => (report ? proposeChanges(report, current) : []), [report, current]);
  const [draft, setDraft] = useState<DraftDocument>(() => startDraft(applyProposals(current, proposals)));
  const checked = useMemo(() => draftProblems(draft), [draft]);
  const root = useRef<HTMLDivElement>(null);
  // An added or removed item takes its inputs or buttons out from under the keyboard: the edit
  // names where focus goes, and it moves there once the form shows the new draft.
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    const target = focusNext.current;
    if (target === null) return;
    focusNext.current = null;
    const quoted = CSS.escape(target);
    root.current
      ?.querySelector<HTMLElement>(
        `input[data-path="${quoted}"], textarea[data-path="${quoted}"], button[data-focus="${quoted}"]:not(:disabled)`,
      )
      ?.focus();
  }, [draft]);
  const binding: DraftBinding = {
    draft,
    problems: checked.paths,
    update: (path, value) => setDraft((previous) => setAt(previous, path, value)),
    edit: (change, focus) => {
      focusNext.current = focus ?? null;
      setDraft(change);
    },
  };
  const name = (id: string) => current.criteria.find((c) => c.id === id)?.name ?? id;
  const reword = new Set(proposals.filter((p) => p.kind === 'reword').map((p) => p.criterion));
  const splitsOf = (id: unknown) =>
    typeof id === 'string' && reword.has(id)
      ? (report?.criteria.find((audit) => audit.id === id)?.agreement.levelSplits ?? null)
      : null;
  const changes = checked.valid ? describeDraftChanges(current, checked.valid) : [];
  const criteria = (Array.isArray(draft.criteria) ? draft.criteria : []) as Definitions['criteria'];
  const stages = (Array.isArray(draft.stages) ? draft.stages : []) as Definitions['stages'];
  const file = `${current.id}-${String(draft.version)}`;
  return (
    <div className="ys-draft" ref={root}>
      {proposals.length > 0 ? (
        <ul aria-label="Proposed changes" className="ys-draft-proposals">
          {proposals.map((proposal) => (
            <li key={`${proposal.kind}:${proposal.criterion}`}>{proposalText(proposal, name)}</li>
          ))}
        </ul>
      ) : (
        <p className="ys-muted">The findings propose no change; edit what you want below.</p>
      )}
      <fieldset>
        <legend>Version</legend>
        <DraftField binding={binding} path={['version']} label="Version" />
        <DraftField binding={binding} path={['title']} label="Title" />
      </fieldset>
      <DraftGroupProblem binding={binding} path={['criteria']} />
      {criteria.map((_criterion, c) => (
        <DraftCriterion
          key={c}
          binding={binding}
          index={c}
          count={criteria.length}
          stages={stages}
          splits={splitsOf(criteria[c]?.id)}
        />
      ))}
      <button
        type="button"
        data-focus="add:criteria"
        onClick={() =>
          binding.edit(
            (previous) => appendItem(previous, ['criteria'], newCriterion(previous)),
            `criteria[${criteria.length}].name`,
          )
        }
      >
        Add a criterion
      </button>
      <DraftBands binding={binding} />
      <DraftStages binding={binding} />
      <div role="status" className="ys-draft-status">
        {checked.valid ? (
          <>
            <p>The draft is valid.</p>
            <h3>Changes from {current.version}</h3>
            <ul aria-label="Changes from the current version">
              {changes.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </>
        ) : (
          <>
            <p>
              The draft has {checked.lines.length === 1 ? '1 problem' : `${checked.lines.length} problems`}:
            </p>
            <ul aria-label="Problems in the draft">
              {checked.lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </>
        )}
      </div>
      <div className="ys-toolbar">
        <button
          type="button"
          disabled={!checked.valid}
          onClick={() =>
            downloadFile(`${file}.json`, serializeDefinitions(checked.valid!, 'json'), 'application/json')
          }
        >
          Download the draft (JSON)
        </button>
        <button
          type="button"
          className="ys-secondary"
          disabled={!checked.valid}
          onClick={() =>
            downloadFile(`${file}.yaml`, serializeDefinitions(checked.valid!, 'yaml'), 'application/yaml')
          }
        >
          Download the draft (YAML)
        </button>
        <span className="ys-muted">
          Publish the file at your definitions URL; the extension publishes nothing.
        </span>
      </div>
    </div>
  );
}
