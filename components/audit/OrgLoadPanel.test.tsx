import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { OrgAuditPortEvent, OrgAuditPortRequest } from '../../lib/messaging/org-audit-port';
import type { OrgLoader } from './org-loader';
import { OrgLoadPanel } from './OrgLoadPanel';

const ORG = 'https://acme.my.salesforce.com';

function fakeLoader() {
  const sent: OrgAuditPortRequest[] = [];
  const listeners = new Set<(event: OrgAuditPortEvent) => void>();
  const loader: OrgLoader = {
    send: (request) => void sent.push(request),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const emit = (event: OrgAuditPortEvent) => act(() => listeners.forEach((listener) => listener(event)));
  return { loader, sent, emit };
}

describe('OrgLoadPanel', () => {
  it('sends the Bulk threshold the manager typed beside the filters, and none when left empty', async () => {
    const user = userEvent.setup();
    const { loader, sent, emit } = fakeLoader();
    render(<OrgLoadPanel loader={loader} onLoaded={() => undefined} />);
    emit({ type: 'orgs', origins: [ORG] });
    const load = screen.getByRole('button', { name: 'Load from Salesforce' });

    await user.click(load);
    expect(sent.at(-1)).toEqual({ type: 'load', origin: ORG, filters: {} });
    emit({ type: 'cancelled' });

    await user.type(screen.getByLabelText(/^Bulk API from/), '200000');
    await user.click(load);
    expect(sent.at(-1)).toEqual({ type: 'load', origin: ORG, filters: {}, bulkFrom: 200_000 });
  });
});
