import { useMemo, useState } from 'react';
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
import { DraftField, type DraftBinding } from './DraftField';

/** Starts a download of `text` (the page's own origin; nothing is published anywhere). */
function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

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
  const binding: DraftBinding = {
    draft,
    problems: checked.paths,
    update: (path, value) => setDraft((previous) => setAt(previous, path, value)),
  };
  const name = (id: string) => current.criteria.find((c) => c.id === id)?.name ?? id;
  const reword = new Set(proposals.filter((p) => p.kind === 'reword').map((p) => p.criterion));
  const changes = checked.valid ? describeDraftChanges(current, checked.valid) : [];
  const criteria = (Array.isArray(draft.criteria) ? draft.criteria : []) as Definitions['criteria'];
  const bands = (Array.isArray(draft.bands) ? draft.bands : []) as Definitions['bands'];
  const stages = (Array.isArray(draft.stages) ? draft.stages : []) as Definitions['stages'];
  const file = `${current.id}-${String(draft.version)}`;
  return (
    <div className="ys-draft">
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
      {criteria.map((criterion, c) => (
        <fieldset key={c} className={reword.has(criterion.id) ? 'ys-draft-reword' : undefined}>
          <legend>Criterion {criterion.name || criterion.id}</legend>
          <DraftField binding={binding} path={['criteria', c, 'name']} label="Name" />
          <DraftField binding={binding} path={['criteria', c, 'weight']} label="Weight" kind="number" />
          <DraftField binding={binding} path={['criteria', c, 'question']} label="Question" kind="textarea" />
          <DraftField
            binding={binding}
            path={['criteria', c, 'definition']}
            label="Definition"
            kind="textarea"
          />
          {reword.has(criterion.id) && (
            <p className="ys-draft-note">Raters split on these levels: reword their evidence.</p>
          )}
          {(criterion.levels ?? []).map((_level, l) => (
            <div key={l} className="ys-draft-level">
              <DraftField
                binding={binding}
                path={['criteria', c, 'levels', l, 'value']}
                label="Level value"
                kind="number"
              />
              <DraftField
                binding={binding}
                path={['criteria', c, 'levels', l, 'label']}
                label="Level label"
              />
              <DraftField
                binding={binding}
                path={['criteria', c, 'levels', l, 'evidence']}
                label="Evidence"
                kind="textarea"
              />
            </div>
          ))}
          {stages.map((stage) => (
            <DraftField
              key={stage.id}
              binding={binding}
              path={['criteria', c, 'gates', stage.id]}
              label={`Gate: minimum level by ${stage.name || stage.id}`}
              kind="number"
              optional
            />
          ))}
        </fieldset>
      ))}
      <fieldset>
        <legend>Bands</legend>
        {bands.map((_band, b) => (
          <div key={b} className="ys-draft-level">
            <DraftField binding={binding} path={['bands', b, 'label']} label="Band label" />
            <DraftField binding={binding} path={['bands', b, 'min']} label="From" kind="number" />
            <DraftField binding={binding} path={['bands', b, 'max']} label="To" kind="number" />
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>Stages</legend>
        {stages.map((_stage, s) => (
          <div key={s} className="ys-draft-level">
            <DraftField binding={binding} path={['stages', s, 'name']} label="Stage name" />
            <DraftField
              binding={binding}
              path={['stages', s, 'aliases']}
              label="CRM names (comma-separated)"
              kind="list"
            />
          </div>
        ))}
      </fieldset>
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
            download(`${file}.json`, serializeDefinitions(checked.valid!, 'json'), 'application/json')
          }
        >
          Download the draft (JSON)
        </button>
        <button
          type="button"
          className="ys-secondary"
          disabled={!checked.valid}
          onClick={() =>
            download(`${file}.yaml`, serializeDefinitions(checked.valid!, 'yaml'), 'application/yaml')
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
