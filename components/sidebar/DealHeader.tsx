import type { FieldReading } from '../../lib/crm/deal-snapshot';
import { useSidebar } from './sidebar-context';

/** The deal the sidebar detected, with every field that could not be read shown as unknown. */
export function DealHeader() {
  const page = useSidebar((s) => s.page);
  if (page.status === 'not-a-deal') return null;
  if (page.status === 'invalid-record-id') {
    return (
      <header className="ys-deal">
        <h2 className="ys-deal-name">Unreadable opportunity</h2>
      </header>
    );
  }
  if (page.status === 'waiting-for-header') {
    return (
      <header className="ys-deal">
        <h2 className="ys-deal-name">Opportunity {page.recordId}</h2>
        <p className="ys-muted" role="status">
          Waiting for Salesforce to show this opportunity…
        </p>
      </header>
    );
  }
  const { snapshot } = page;
  return (
    <header className="ys-deal">
      <h2 className="ys-deal-name">
        {snapshot.name.text ?? `Opportunity ${snapshot.recordId} (name unknown)`}
      </h2>
      <dl className="ys-deal-fields">
        <DealField label="Stage" reading={snapshot.stage} />
        <DealField label="Amount" reading={snapshot.amount} />
        <DealField label="Close date" reading={snapshot.closeDate} />
        <DealField label="Owner" reading={snapshot.owner} />
      </dl>
    </header>
  );
}

function DealField({ label, reading }: { label: string; reading: FieldReading }) {
  const value = reading.text;
  return (
    <div className="ys-deal-field">
      <dt>{label}</dt>
      <dd
        title={reading.strategy ? `Read by ${reading.strategy}` : 'No strategy found this field on the page'}
      >
        {value ?? <span className="ys-unknown">Unknown</span>}
      </dd>
    </div>
  );
}
