import { createInMemoryBackground } from '../../tests/unit/helpers/in-memory-background';
import { lightningSnapshot } from '../../tests/unit/helpers/deal-snapshots';
import type { SidebarBackend } from './sidebar-backend';
import { createSidebarStore } from './sidebar-store';

const GLOBEX = lightningSnapshot();
const INITECH = lightningSnapshot({ recordId: '0065e00000InItAAAV' });

/** A background that holds Globex's answers until `release` is called. */
function slowForGlobex(sidebar: SidebarBackend) {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  const backend: SidebarBackend = {
    ...sidebar,
    getDealState: async (dealKey) => {
      if (dealKey === GLOBEX.dealKey) await held;
      return sidebar.getDealState(dealKey);
    },
    saveScore: async (input) => {
      if (input.deal.dealKey === GLOBEX.dealKey) await held;
      return sidebar.saveScore(input);
    },
  };
  return { backend, release };
}

describe('createSidebarStore', () => {
  it('drops the previous deal’s late answer once the page shows another deal', async () => {
    const { sidebar } = createInMemoryBackground();
    const { backend, release } = slowForGlobex(sidebar);
    const store = createSidebarStore(backend);
    store.getState().showPage({ status: 'ready', snapshot: GLOBEX });
    store.getState().showPage({ status: 'ready', snapshot: INITECH });
    await vi.waitFor(() => expect(store.getState().deal.status).toBe('loaded'));
    const shown = store.getState().deal;
    release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(store.getState().deal).toBe(shown);
  });

  it('does not mark the next deal saved when the previous deal’s save answers after the page moved', async () => {
    const { sidebar } = createInMemoryBackground();
    await sidebar.setRater('dana');
    const { backend, release } = slowForGlobex(sidebar);
    const store = createSidebarStore({ ...backend, getDealState: sidebar.getDealState });
    store.getState().showPage({ status: 'ready', snapshot: GLOBEX });
    await vi.waitFor(() => expect(store.getState().deal.status).toBe('loaded'));
    const saving = store.getState().saveDraft();
    store.getState().showPage({ status: 'ready', snapshot: INITECH });
    release();
    await saving;
    expect(store.getState().save).toEqual({ status: 'idle' });
  });
});
