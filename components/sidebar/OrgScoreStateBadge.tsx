import type { OrgScoreState } from '../../lib/messaging/org-sync-protocol';

/** Where one saved score is on its way to the Salesforce org: waiting, in the org, or refused with the org's words. */
export function OrgScoreStateBadge({ state }: { state: OrgScoreState | undefined }) {
  if (!state) return null;
  switch (state.state) {
    case 'waiting':
      return (
        <span
          className="ys-badge ys-badge-org-waiting"
          title={state.lastError ?? 'Sent when Salesforce can be reached.'}
        >
          Waiting for Salesforce
        </span>
      );
    case 'in-org':
      return (
        <span className="ys-badge ys-badge-org-in" title={`Salesforce record ${state.orgRecordId}`}>
          In Salesforce
        </span>
      );
    case 'failed':
      return (
        <span className="ys-badge ys-badge-org-failed" title={state.fields.join(', ')}>
          Salesforce refused it: {state.statusCode}: {state.message}
        </span>
      );
  }
}
