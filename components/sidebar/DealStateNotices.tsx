import { diffDefinitions } from '../../lib/definitions/diff-definitions';
import { capitalised, crmWording } from './crm-wording';
import { DefinitionsChangedNotice } from './DefinitionsChangedNotice';
import { useSidebar } from './sidebar-context';
import { formatDateTime } from './date-formats';

/** Specific, visible states for pages and data Yardstick could not fully use. */
export function DealStateNotices() {
  const page = useSidebar((s) => s.page);
  const deal = useSidebar((s) => s.deal);
  const draftOrigin = useSidebar((s) => s.draftOrigin);
  const discardDraft = useSidebar((s) => s.discardDraft);
  const draftNotKept = useSidebar((s) => s.draftNotKept);
  const wording = crmWording(useSidebar((s) => s.crm));
  return (
    <>
      {page.status === 'invalid-record-id' && (
        <p className="ys-notice ys-notice-error" role="alert">
          This page’s record id “{page.rawRecordId}” is not {wording.idRule}, so Yardstick cannot tell which
          deal it is. Nothing can be scored here.
        </p>
      )}
      {page.status === 'header-timeout' && (
        <p className="ys-notice ys-notice-warning" role="status">
          {capitalised(wording.name)} did not render this record’s header within{' '}
          {Math.round(page.waitedMs / 1000)} s, so its name, stage, amount, close date and owner are unknown.
          You can still score it: the score is keyed to record {page.snapshot.recordId}.
        </p>
      )}
      {deal.status === 'loading' && (
        <p className="ys-muted" role="status">
          Loading definitions and history…
        </p>
      )}
      {deal.status === 'failed' && (
        <p className="ys-notice ys-notice-error" role="alert">
          Could not load this deal’s scores: {deal.error.message}
        </p>
      )}
      {deal.status === 'loaded' && deal.value.definitionsFailure && (
        // A rep cannot fix the team's file: one line here, the full error in options and the popup.
        <p className="ys-notice ys-notice-warning" role="status" aria-label="Definitions not updated">
          Your team’s definitions could not be updated; your admin can see why in Yardstick’s settings. Still
          scoring against {deal.value.active.definitions.title} {deal.value.active.definitions.version}.
        </p>
      )}
      {draftOrigin.kind === 'restored-draft' && (
        <div className="ys-notice ys-notice-info" role="status" aria-label="Unsaved edits">
          <p>
            Your unsaved edits from {formatDateTime(draftOrigin.editedAt)} are restored. Save to record them.
          </p>
          <button type="button" className="ys-button" onClick={() => void discardDraft()}>
            Discard edits
          </button>
        </div>
      )}
      {draftNotKept && (
        <p className="ys-notice ys-notice-warning" role="alert" aria-label="Unsaved edits not kept">
          Your unsaved edits could not be kept and are lost if this page reloads: {draftNotKept.message}
        </p>
      )}
      {deal.status === 'loaded' &&
        draftOrigin.kind === 'latest-score' &&
        draftOrigin.sameDefinitions &&
        draftOrigin.score.definitions.hash !== deal.value.active.hash && (
          // Nothing to re-score, but the version the score names differs from the one shown elsewhere.
          <p className="ys-muted" aria-label="Definitions updated">
            Scored under {draftOrigin.score.definitions.version}; {deal.value.active.definitions.version}{' '}
            changes nothing in how deals are scored.
          </p>
        )}
      {deal.status === 'loaded' && draftOrigin.kind === 'latest-score' && !draftOrigin.sameDefinitions && (
        <DefinitionsChangedNotice
          // Another deal, or a new score, starts the stepping over.
          key={draftOrigin.score.id}
          scoredAgainst={`${draftOrigin.score.definitions.id} ${draftOrigin.score.definitions.version}`}
          activeVersion={`${deal.value.active.definitions.id} ${deal.value.active.definitions.version}`}
          changes={
            deal.value.latestScoreDefinitions
              ? diffDefinitions(deal.value.latestScoreDefinitions, deal.value.active.definitions)
              : null
          }
        />
      )}
    </>
  );
}
