import { act, render, screen } from '@testing-library/react';
import { createInMemoryBackground } from '../../tests/unit/helpers/in-memory-background';
import { lightningSnapshot } from '../../tests/unit/helpers/deal-snapshots';
import { DealHeader } from './DealHeader';
import { SidebarStoreContext } from './sidebar-context';
import { createSidebarStore } from './sidebar-store';

describe('DealHeader', () => {
  it('says plainly where a fallback found a field, so that a wrong guess shows', () => {
    const store = createSidebarStore(createInMemoryBackground({ raterId: 'priya@acme.example' }).sidebar);
    render(
      <SidebarStoreContext.Provider value={store}>
        <DealHeader />
      </SidebarStoreContext.Provider>,
    );
    const snapshot = lightningSnapshot();
    act(() =>
      store.getState().showPage({
        status: 'ready',
        snapshot: {
          ...snapshot,
          name: { text: 'Soylent — Expansion', strategy: 'from the page title' },
          stage: { text: 'Negotiation/Review', strategy: 'from the field labelled “Stage”' },
        },
      }),
    );
    expect(screen.getByText('Name from the page title')).toBeTruthy();
    expect(screen.getByText('(from the field labelled “Stage”)')).toBeTruthy();
    // A field the CRM's own strategy read carries its strategy in the tooltip only.
    expect(screen.queryByText(/\(highlights/)).toBeNull();
  });
});
