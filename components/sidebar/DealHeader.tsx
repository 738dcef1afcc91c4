import { segmentLabels } from '../../lib/crm/crm-adapter';
import type { FieldReading } from '../../lib/crm/deal-snapshot';
import { capitalised, crmWording } from './crm-wording';
import { SavedVersusNow } from './SavedVersusNow';
import { useSidebar } from './sidebar-context';

/** The deal the sidebar detected, with every field that could not be read shown as unknown. */
export function DealHeader() {
  const page = useSidebar((s) => s.page);
  const wording = crmWording(useSidebar((s) => s.crm));
  const record = capitalised(wording.record);
  if (page.status === 'not-a-deal') return null;
  if (page.status === 'invalid-record-id') {
    return (
      <header className="ys-deal">
        <h2 className="ys-deal-name">Unreadable {wording.record}</h2>
      </header>
    );
  }
  if (page.status === 'waiting-for-header') {
    return (
      <header className="ys-deal">
        <h2 className="ys-deal-name">
          {record} {page.recordId}
        </h2>
        <p className="ys-muted" role="status">
          Waiting for {wording.name} to show this {wording.record}…
        </p>
      </header>
    );
  }
  const { snapshot } = page;
  return (
    <header className="ys-deal">
      <h2 className="ys-deal-name">
        {snapshot.name.text ?? `${record} ${snapshot.recordId} (name unknown)`}
      </h2>
      {snapshot.name.text !== null && isFallback(snapshot.name.strategy) ? (
        <p className="ys-muted ys-deal-source">Name {snapshot.name.strategy}</p>
      ) : null}
      <dl className="ys-deal-fields">
        <DealField label="Stage" reading={snapshot.stage} />
        <DealField label="Amount" reading={snapshot.amount} />
        <DealField label="Close date" reading={snapshot.closeDate} />
        <DealField label="Owner" reading={snapshot.owner} />
        {Object.entries(snapshot.segments ?? {}).map(([fieldId, reading]) => (
          <DealField key={fieldId} label={segmentLabels(fieldId).at(-1) ?? fieldId} reading={reading} />
        ))}
      </dl>
      <SavedVersusNow />
    </header>
  );
}

const API_STRATEGY = 'api:';

function DealField({ label, reading }: { label: string; reading: FieldReading }) {
  const value = reading.text;
  return (
    <div className="ys-deal-field">
      <dt>{label}</dt>
      <dd
        title={
          reading.strategy?.startsWith(API_STRATEGY)
            ? `Read from Salesforce's ${reading.strategy.slice(API_STRATEGY.length)} field`
            : reading.strategy
              ? `Read by ${reading.strategy}`
              : 'No strategy found this field on the page'
        }
      >
        {value ?? <span className="ys-unknown">Unknown</span>}
        {value !== null && isFallback(reading.strategy) ? (
          <span className="ys-muted ys-deal-source"> ({reading.strategy})</span>
        ) : null}
      </dd>
    </div>
  );
}

// The shared fallbacks name themselves in plain words ("from the page title"): shown beside the value,
// so that a guess from a redesigned page is visible, not only in a tooltip.
function isFallback(strategy: string | null): strategy is string {
  return strategy?.startsWith('from ') ?? false;
}
