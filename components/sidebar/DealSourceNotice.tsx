import { formatSavedAt } from './date-formats';
import { useSidebar } from './sidebar-context';

/**
 * Which reading the deal's fields come from: the org's API, or the CRM page (while the API is asked,
 * or because it could not answer, in words). Nothing for CRMs Yardstick reads only from the page.
 */
export function DealSourceNotice() {
  const org = useSidebar((s) => s.orgReading);
  const page = useSidebar((s) => s.page);
  const connectOrg = useSidebar((s) => s.connectOrg);
  if (page.status === 'not-a-deal' || page.status === 'invalid-record-id') return null;
  switch (org.status) {
    case 'none':
      return null;
    case 'asking':
      return (
        <p className="ys-muted ys-deal-source" role="status" data-source="page">
          Source: this page. Asking Salesforce for the record…
        </p>
      );
    case 'api':
      return (
        <p className="ys-muted ys-deal-source" role="status" data-source="api">
          Source: Salesforce (API)
          {org.snapshot.orgLastModified
            ? `, record last changed ${formatSavedAt(org.snapshot.orgLastModified)}.`
            : '.'}
        </p>
      );
    case 'page':
      return (
        <div className="ys-notice ys-notice-warning ys-deal-source" data-source="page">
          <p role="status">Source: this page, as shown. {org.reason.message}</p>
          {org.canConnect && (
            <p>
              Your organisation set up Yardstick&apos;s connected app: sign in once to let Yardstick use the
              API.{' '}
              <button type="button" disabled={org.connecting} onClick={() => void connectOrg()}>
                {org.connecting ? 'Connecting…' : 'Connect to Salesforce'}
              </button>
            </p>
          )}
          {org.connectError && <p role="alert">{org.connectError}</p>}
        </div>
      );
  }
}
