import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import meddpiccJson from '../../public/definitions/meddpicc.json';
import { definitionsPreviewOf } from '../../lib/definitions/definitions-preview';
import { DefinitionsV1Schema } from '../../lib/definitions/schema-v1';
import { createInMemoryBackground } from '../../tests/unit/helpers/in-memory-background';
import { lightningSnapshot } from '../../tests/unit/helpers/deal-snapshots';
import type { SidebarBackend } from './sidebar-backend';
import { SidebarApp } from './SidebarApp';
import { SidebarStoreContext } from './sidebar-context';
import { createSidebarStore } from './sidebar-store';

function renderSidebar(backend: SidebarBackend) {
  const store = createSidebarStore(backend);
  render(
    <SidebarStoreContext.Provider value={store}>
      <SidebarApp />
    </SidebarStoreContext.Provider>,
  );
  return store;
}

async function openDeal(backend: SidebarBackend, snapshot = lightningSnapshot()) {
  const store = renderSidebar(backend);
  act(() => store.getState().showPage({ status: 'ready', snapshot }));
  await screen.findAllByRole('radiogroup');
  return store;
}

/** Opens a criterion's evidence note with its toggle and returns the note. */
async function openNote(user: ReturnType<typeof userEvent.setup>, criterionName: string) {
  await user.click(screen.getByRole('button', { name: `Evidence for ${criterionName}` }));
  return screen.getByRole('textbox', { name: `Evidence for ${criterionName}` });
}

/**
 * A background whose deal has `count` scores: one saved through the sidebar, the rest copies of it a
 * minute apart before it. The sidebar that saved it is unmounted.
 */
async function backgroundWithHistory(count: number) {
  const user = userEvent.setup();
  const { sidebar, services } = createInMemoryBackground();
  await sidebar.setRater('dana');
  await openDeal(sidebar);
  await user.click(screen.getByRole('button', { name: 'Save score' }));
  await screen.findByText(/^Saved at/);
  const [saved] = await services.db.scores.toArray();
  await services.db.scores.bulkAdd(
    Array.from({ length: count - 1 }, (_, i) => ({
      ...saved!,
      id: `earlier-${i}`,
      savedAt: new Date(Date.parse(saved!.savedAt) - (i + 1) * 60_000).toISOString(),
    })),
  );
  cleanup();
  return { user, sidebar, services };
}

describe('SidebarApp', () => {
  it('is a landmark named Yardstick with the deal name as a heading and every field shown', async () => {
    const { sidebar } = createInMemoryBackground();
    await openDeal(sidebar);
    const aside = screen.getByRole('complementary', { name: 'Yardstick' });
    expect(
      within(aside).getByRole('heading', { name: 'Globex — Data Platform Renewal' }),
    ).toBeInTheDocument();
    expect(within(aside).getByText('USD 1,250,000.00')).toBeInTheDocument();
    expect(within(aside).getByText('Dana Whitfield')).toBeInTheDocument();
  });

  it('shows a field that could not be read as Unknown', async () => {
    const { sidebar } = createInMemoryBackground();
    await openDeal(sidebar, lightningSnapshot({ owner: { text: null, strategy: null } }));
    const ownerValue = screen.getByText('Owner').nextElementSibling;
    expect(ownerValue).toHaveTextContent('Unknown');
  });

  it('lays out the criteria as last served, disabled, while the deal loads, then fills them in', async () => {
    const { sidebar, definitionsPreviews } = createInMemoryBackground();
    let answer: (() => void) | undefined;
    const slowDeal: SidebarBackend = {
      ...sidebar,
      getDealState: async (dealKey) => {
        await new Promise<void>((resolve) => (answer = resolve));
        return sidebar.getDealState(dealKey);
      },
    };
    const preview = definitionsPreviewOf('last-served', DefinitionsV1Schema.parse(meddpiccJson).criteria);
    const store = createSidebarStore(slowDeal, { definitionsPreview: preview });
    render(
      <SidebarStoreContext.Provider value={store}>
        <SidebarApp />
      </SidebarStoreContext.Provider>,
    );
    act(() => store.getState().showPage({ status: 'ready', snapshot: lightningSnapshot() }));
    const criteria = screen.getByRole('region', { name: 'Criteria' });
    expect(criteria).toHaveAttribute('aria-busy', 'true');
    expect(screen.getAllByRole('radiogroup')).toHaveLength(8);
    for (const radio of screen.getAllByRole('radio')) expect(radio).toBeDisabled();
    expect(await openNote(userEvent.setup(), 'Metrics')).toBeDisabled();

    await waitFor(() => expect(answer).toBeDefined());
    act(() => answer!());
    await waitFor(() => expect(criteria).toHaveAttribute('aria-busy', 'false'));
    for (const radio of screen.getAllByRole('radio')) expect(radio).toBeEnabled();
    expect(screen.getByRole('textbox', { name: 'Evidence for Metrics' })).toBeEnabled();
    // The background keeps what it served as the next sidebar's preview.
    const served = store.getState().deal;
    expect(definitionsPreviews).toEqual([
      served.status === 'loaded' ? served.value.active.hash : 'not loaded',
    ]);
  });

  it('shows no criteria while loading when none were served before', async () => {
    const { sidebar } = createInMemoryBackground();
    const store = createSidebarStore({ ...sidebar, getDealState: () => new Promise(() => undefined) });
    render(
      <SidebarStoreContext.Provider value={store}>
        <SidebarApp />
      </SidebarStoreContext.Provider>,
    );
    act(() => store.getState().showPage({ status: 'ready', snapshot: lightningSnapshot() }));
    expect(screen.queryByRole('region', { name: 'Criteria' })).toBeNull();
    expect(screen.queryAllByRole('radio')).toEqual([]);
  });

  it('renders each MEDDPICC criterion as a radiogroup with its levels, Unknown and an evidence box', async () => {
    const user = userEvent.setup();
    const { sidebar } = createInMemoryBackground();
    await openDeal(sidebar);
    const groups = screen.getAllByRole('radiogroup');
    expect(groups).toHaveLength(8);
    const economicBuyer = screen.getByRole('radiogroup', { name: 'Economic buyer' });
    const radios = within(economicBuyer).getAllByRole('radio');
    expect(radios).toHaveLength(5);
    expect(radios.at(-1)).toHaveAccessibleName('Unknown');
    expect(await openNote(user, 'Economic buyer')).toBeInTheDocument();
  });

  it('updates total, band and stage shortfalls as the rep scores, keeping Unknown apart from the lowest level', async () => {
    const user = userEvent.setup();
    const { sidebar } = createInMemoryBackground();
    await openDeal(sidebar);
    expect(screen.getByTestId('score-not-scored')).toHaveTextContent('Not scored yet');
    expect(screen.queryByTestId('score-band')).toBeNull();
    await user.click(screen.getByRole('button', { name: /Not scored yet/ }));
    const gates = screen.getByRole('group', { name: 'Stage requirements' });
    expect(gates).toHaveTextContent('Economic buyer: needs Met, is not answered');

    for (const group of screen.getAllByRole('radiogroup')) {
      const radios = within(group).getAllByRole('radio');
      await user.click(radios[radios.length - 2]!); // the top level
    }
    expect(screen.getByTestId('score-total')).toHaveTextContent('100');
    expect(screen.getByTestId('score-band')).toHaveTextContent('Qualified');
    expect(gates).toHaveTextContent('Meets everything');

    const champion = screen.getByRole('radiogroup', { name: 'Champion' });
    await user.click(within(champion).getByRole('radio', { name: 'Unknown' }));
    expect(Number(screen.getByTestId('score-total').textContent)).toBeLessThan(100);
    expect(gates).toHaveTextContent('Champion: needs');
    expect(gates).toHaveTextContent('is Unknown');
  });

  it('scores a deal once any criterion is answered, Unknown included', async () => {
    const user = userEvent.setup();
    const { sidebar } = createInMemoryBackground();
    await openDeal(sidebar);
    const champion = screen.getByRole('radiogroup', { name: 'Champion' });
    await user.click(within(champion).getByRole('radio', { name: 'Unknown' }));
    expect(screen.queryByTestId('score-not-scored')).toBeNull();
    expect(screen.getByTestId('score-total')).toHaveTextContent('0');
    expect(screen.getByTestId('score-band')).toHaveTextContent('Unqualified');
  });

  it('names the stage as the CRM does, with the definitions’ stage as its description', async () => {
    const user = userEvent.setup();
    const { sidebar } = createInMemoryBackground();
    await openDeal(sidebar);
    await user.click(screen.getByRole('button', { name: /gates short/ }));
    const gates = screen.getByRole('group', { name: 'Stage requirements' });
    expect(gates).toHaveTextContent(/short of what “Proposal\/Price Quote” requires/);
    expect(gates).not.toHaveTextContent(/what Propose requires/);
    const stageName = within(gates).getByText('“Proposal/Price Quote”');
    expect(stageName).toHaveAttribute('title', 'The definitions’ stage: Propose');
    expect(stageName).toHaveAccessibleDescription('The definitions’ stage: Propose');
  });

  it('asks for the rater before the first save, then saves with Ctrl+Enter and lists the score in history', async () => {
    const user = userEvent.setup();
    const { sidebar, services } = createInMemoryBackground();
    await openDeal(sidebar);
    expect(screen.getByRole('button', { name: 'Save score' })).toBeDisabled();
    await user.type(screen.getByLabelText(/Your name or email/), 'dana@acme.example');
    await user.click(screen.getByRole('button', { name: 'Save name' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Save score' })).toBeEnabled());

    await user.click(within(screen.getByRole('radiogroup', { name: 'Metrics' })).getAllByRole('radio')[2]!);
    await user.type(await openNote(user, 'Metrics'), 'CFO emailed the target{Control>}{Enter}{/Control}');
    await screen.findByText(/^Saved at/);
    const history = screen.getByRole('list', { name: 'Saved scores' });
    expect(within(history).getAllByRole('listitem')).toHaveLength(1);
    expect(history).toHaveTextContent('meddpicc 1.1.1');
    const stored = await services.db.scores.toArray();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      rater: 'dana@acme.example',
      dealKey: 'salesforce-lightning:acme:006Dn00000AbCdEIAV',
    });
    expect(stored[0]!.answers.find((a) => a.criterionId === 'metrics')).toEqual({
      criterionId: 'metrics',
      level: 2,
      evidence: 'CFO emailed the target',
    });
  });

  it('appends a second save instead of overwriting the first', async () => {
    const user = userEvent.setup();
    const { sidebar, services } = createInMemoryBackground();
    await sidebar.setRater('dana');
    await openDeal(sidebar);
    const save = screen.getByRole('button', { name: 'Save score' });
    await user.click(within(screen.getByRole('radiogroup', { name: 'Metrics' })).getAllByRole('radio')[1]!);
    await user.click(save);
    await screen.findByText(/^Saved at/);
    await user.click(within(screen.getByRole('radiogroup', { name: 'Metrics' })).getAllByRole('radio')[3]!);
    await user.click(save);
    await waitFor(() =>
      expect(
        within(screen.getByRole('list', { name: 'Saved scores' })).getAllByRole('listitem'),
      ).toHaveLength(2),
    );
    const levels = (await services.db.scores.orderBy('savedAt').toArray()).map(
      (s) => s.answers.find((a) => a.criterionId === 'metrics')!.level,
    );
    expect(levels).toEqual([1, 3]);
  });

  it('shows the latest 10 of a long history at once, the full count when it arrives, and more on request', async () => {
    const { user, sidebar } = await backgroundWithHistory(150);
    const { promise: countAsked, resolve: releaseCount } = Promise.withResolvers<void>();
    let counts = 0;
    const slowCount: typeof sidebar.countDealHistory = async (dealKey) => {
      counts += 1;
      await countAsked;
      return sidebar.countDealHistory(dealKey);
    };
    const reopened = createSidebarStore({ ...sidebar, countDealHistory: slowCount });
    render(
      <SidebarStoreContext.Provider value={reopened}>
        <SidebarApp />
      </SidebarStoreContext.Provider>,
    );
    act(() => reopened.getState().showPage({ status: 'ready', snapshot: lightningSnapshot() }));

    expect(await screen.findByText('Showing the latest 10 scores.')).toBeInTheDocument();
    await act(async () => releaseCount());
    expect(await screen.findByText('Showing the latest 10 of 150 scores.')).toBeInTheDocument();
    const rows = () => within(screen.getByRole('list', { name: 'Saved scores' })).getAllByRole('listitem');
    expect(rows()).toHaveLength(10);
    await user.click(screen.getByRole('button', { name: 'Show 90 more' }));
    expect(rows()).toHaveLength(100);
    expect(screen.getByText('Showing the latest 100 of 150 scores.')).toBeInTheDocument();

    // A save adds one to the known count, without counting again.
    await user.click(within(screen.getByRole('radiogroup', { name: 'Metrics' })).getAllByRole('radio')[2]!);
    await user.click(screen.getByRole('button', { name: 'Save score' }));
    expect(await screen.findByText('Showing the latest 100 of 151 scores.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/^Saved at/));
    expect(counts).toBe(1);
  });

  it('comes with the history’s first 10 rows and fetches the rest once the deal is shown', async () => {
    const { user, sidebar } = await backgroundWithHistory(30);
    const firstPages: number[] = [];
    const { promise: historyHeld, resolve: releaseHistory } = Promise.withResolvers<void>();
    const watched: SidebarBackend = {
      ...sidebar,
      getDealState: async (dealKey) => {
        const response = await sidebar.getDealState(dealKey);
        if (response.ok) firstPages.push(response.value.history.length);
        return response;
      },
      getDealHistory: async (dealKey) => {
        await historyHeld;
        return sidebar.getDealHistory(dealKey);
      },
    };
    await openDeal(watched);

    expect(firstPages).toEqual([10]);
    const rows = () => within(screen.getByRole('list', { name: 'Saved scores' })).getAllByRole('listitem');
    expect(rows()).toHaveLength(10);
    expect(screen.getByText('Showing the latest 10 scores.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Show \d+ more$/ })).not.toBeInTheDocument();
    await act(async () => releaseHistory());
    expect(await screen.findByText('Showing the latest 10 of 30 scores.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show 20 more' }));
    expect(rows()).toHaveLength(30);
  });

  it('keeps the rows it shows when the deal is read again, while the longer page is read again', async () => {
    const { user, sidebar } = await backgroundWithHistory(30);
    let hold: { asked: () => void; released: Promise<void> } | null = null;
    const heldHistory: SidebarBackend = {
      ...sidebar,
      getDealHistory: async (dealKey) => {
        if (hold) {
          hold.asked();
          await hold.released;
        }
        return sidebar.getDealHistory(dealKey);
      },
    };
    const store = await openDeal(heldHistory);
    await user.click(await screen.findByRole('button', { name: 'Show 20 more' }));
    const rows = () => within(screen.getByRole('list', { name: 'Saved scores' })).getAllByRole('listitem');
    expect(rows()).toHaveLength(30);

    let release = () => {};
    const asked = new Promise<void>((resolve) => {
      hold = { asked: resolve, released: new Promise<void>((done) => (release = done)) };
    });
    let reloaded: Promise<void> = Promise.resolve();
    act(() => void (reloaded = store.getState().reload()));
    await act(() => asked);
    expect(rows()).toHaveLength(30);
    await act(async () => {
      release();
      await reloaded;
    });
    expect(rows()).toHaveLength(30);
  });

  it('starts again from the first page when a deal read again had more saved since than that page holds', async () => {
    const { user, sidebar, services } = await backgroundWithHistory(30);
    let hold: { asked: () => void; released: Promise<void> } | null = null;
    const heldHistory: SidebarBackend = {
      ...sidebar,
      getDealHistory: async (dealKey) => {
        if (!hold) return sidebar.getDealHistory(dealKey);
        hold.asked();
        await hold.released;
        return { ok: false, error: { code: 'unreachable', message: 'The background did not answer.' } };
      },
    };
    const store = await openDeal(heldHistory);
    await user.click(await screen.findByRole('button', { name: 'Show 20 more' }));
    const savedAt = () =>
      within(screen.getByRole('list', { name: 'Saved scores' }))
        .getAllByRole('listitem')
        .map((row) => row.querySelector('time')!.getAttribute('datetime')!);
    const [newest] = savedAt();
    // Saved elsewhere meanwhile (another tab): more than the deal's state carries.
    const [template] = await services.db.scores.toArray();
    await services.db.scores.bulkAdd(
      Array.from({ length: 15 }, (_, i) => ({
        ...template!,
        id: `later-${i}`,
        savedAt: new Date(Date.parse(newest!) + (i + 1) * 60_000).toISOString(),
      })),
    );

    const { promise: released, resolve: release } = Promise.withResolvers<void>();
    const asked = new Promise<void>((resolve) => (hold = { asked: resolve, released }));
    let reloaded: Promise<void> = Promise.resolve();
    act(() => void (reloaded = store.getState().reload()));
    await act(() => asked);
    // The 10 newest alone: the known rows would leave out the 5 between them and the first page.
    expect(savedAt()).toHaveLength(10);
    expect(savedAt().every((at) => at > newest!)).toBe(true);
    // Without the longer page, the count cannot come from the rows known before either: it is asked for.
    await act(async () => {
      release();
      await reloaded;
    });
    expect(await screen.findByText('Showing the latest 10 of 45 scores.')).toBeInTheDocument();
  });

  it('keeps a score saved while the rest of the history is read, once, in its place', async () => {
    const { user, sidebar } = await backgroundWithHistory(20);
    const { promise: historyAsked, resolve: readHistory } = Promise.withResolvers<void>();
    const { promise: historyHeld, resolve: releaseHistory } = Promise.withResolvers<void>();
    const slowHistory: SidebarBackend = {
      ...sidebar,
      getDealHistory: async (dealKey) => {
        // Read before the save below commits, answered after it.
        const page = await sidebar.getDealHistory(dealKey);
        readHistory();
        await historyHeld;
        return page;
      },
    };
    await openDeal(slowHistory);
    await historyAsked;
    await user.click(within(screen.getByRole('radiogroup', { name: 'Metrics' })).getAllByRole('radio')[2]!);
    await user.click(screen.getByRole('button', { name: 'Save score' }));
    await screen.findByText(/^Saved at/);
    await act(async () => releaseHistory());

    expect(await screen.findByText('Showing the latest 10 of 21 scores.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show 11 more' }));
    const savedAt = within(screen.getByRole('list', { name: 'Saved scores' }))
      .getAllByRole('listitem')
      .map((row) => row.querySelector('time')!.getAttribute('datetime')!);
    expect(savedAt).toHaveLength(21);
    expect(new Set(savedAt).size).toBe(21);
    expect(savedAt).toEqual([...savedAt].sort().reverse());
  });

  it('keeps an edit made while a save is in flight as unsaved, with the saved score in history', async () => {
    const user = userEvent.setup();
    const { sidebar, services } = createInMemoryBackground();
    await sidebar.setRater('dana');
    const { promise: saveHeld, resolve: releaseSave } = Promise.withResolvers<void>();
    await openDeal({
      ...sidebar,
      saveScore: async (input) => {
        await saveHeld;
        return sidebar.saveScore(input);
      },
    });
    const metrics = () => within(screen.getByRole('radiogroup', { name: 'Metrics' })).getAllByRole('radio');
    await user.click(metrics()[1]!);
    await user.click(screen.getByRole('button', { name: 'Save score' }));
    await screen.findByText('Saving…', { selector: 'p' });
    await user.click(metrics()[3]!);
    await act(async () => releaseSave());

    await waitFor(() =>
      expect(
        within(screen.getByRole('list', { name: 'Saved scores' })).getAllByRole('listitem'),
      ).toHaveLength(1),
    );
    expect(screen.getByRole('status')).toHaveTextContent('Unsaved changes');
    expect(metrics()[3]).toBeChecked();
    const [stored] = await services.db.scores.toArray();
    expect(stored!.answers.find((a) => a.criterionId === 'metrics')!.level).toBe(1);
  });

  it('shows a failed save as not saved and keeps the draft', async () => {
    const user = userEvent.setup();
    const { sidebar } = createInMemoryBackground();
    await sidebar.setRater('dana');
    const failing: SidebarBackend = {
      ...sidebar,
      saveScore: async () => ({
        ok: false,
        error: { code: 'storage-full', message: 'The browser refused the write because storage is full.' },
      }),
    };
    await openDeal(failing);
    const metrics = screen.getByRole('radiogroup', { name: 'Metrics' });
    await user.click(within(metrics).getAllByRole('radio')[1]!);
    await user.click(screen.getByRole('button', { name: 'Save score' }));
    expect(await screen.findByText(/^Not saved: The browser refused the write/)).toBeInTheDocument();
    expect(within(metrics).getAllByRole('radio')[1]).toBeChecked();
    expect(screen.getByText('No saved scores for this deal yet.')).toBeInTheDocument();
  });

  it('restores the saved levels when the deal is opened again', async () => {
    const user = userEvent.setup();
    const { sidebar } = createInMemoryBackground();
    await sidebar.setRater('dana');
    await openDeal(sidebar);
    await user.click(
      within(screen.getByRole('radiogroup', { name: 'Champion' })).getByRole('radio', { name: 'Unknown' }),
    );
    await user.click(within(screen.getByRole('radiogroup', { name: 'Metrics' })).getAllByRole('radio')[0]!);
    await user.click(screen.getByRole('button', { name: 'Save score' }));
    await screen.findByText(/^Saved at/);
    document.body.innerHTML = '';

    await openDeal(sidebar);
    expect(
      within(screen.getByRole('radiogroup', { name: 'Champion' })).getByRole('radio', { name: 'Unknown' }),
    ).toBeChecked();
    expect(
      within(screen.getByRole('radiogroup', { name: 'Metrics' })).getAllByRole('radio')[0],
    ).toBeChecked();
  });

  it('collapses to a launcher and reopens from it', async () => {
    const user = userEvent.setup();
    const { sidebar } = createInMemoryBackground();
    await openDeal(sidebar);
    await user.click(screen.getByRole('button', { name: 'Collapse Yardstick' }));
    expect(screen.queryByRole('complementary', { name: 'Yardstick' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Open Yardstick' }));
    expect(screen.getByRole('complementary', { name: 'Yardstick' })).toBeInTheDocument();
  });

  it('renders nothing on a page that is not a deal', () => {
    const { sidebar } = createInMemoryBackground();
    const store = renderSidebar(sidebar);
    act(() => store.getState().showPage({ status: 'not-a-deal' }));
    expect(screen.queryByRole('complementary')).not.toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('explains a record id it cannot parse', async () => {
    const { sidebar } = createInMemoryBackground();
    const store = renderSidebar(sidebar);
    act(() => store.getState().showPage({ status: 'invalid-record-id', rawRecordId: 'not-an-id' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '“not-an-id” is not a Salesforce opportunity id',
    );
  });

  it('renders script-like deal names and evidence as inert text', async () => {
    const { sidebar } = createInMemoryBackground();
    const hostile = '<img src=x onerror="window.__pwned=1">';
    await openDeal(
      sidebar,
      lightningSnapshot({ name: { text: hostile, strategy: 'highlights.primaryField' } }),
    );
    expect(screen.getByRole('heading', { name: hostile })).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
  });
});

describe('SidebarApp with hostile definitions text', () => {
  it('renders script-like criterion names, questions and evidence as inert text', async () => {
    const { sidebar, options } = createInMemoryBackground();
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    const definitions = JSON.parse(
      JSON.stringify(await import('../../tests/fixtures/definitions/two-criteria.json')),
    ).default;
    definitions.criteria[0].name = `Champion ${hostile}`;
    definitions.criteria[0].question = hostile;
    definitions.criteria[0].levels[1].evidence = hostile;
    expect((await options.importDefinitions('hostile.json', JSON.stringify(definitions))).ok).toBe(true);
    await openDeal(sidebar);
    expect(screen.getByRole('radiogroup', { name: `Champion ${hostile}` })).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: `Champion ${hostile}` }));
    expect(screen.getAllByText(hostile).length).toBeGreaterThanOrEqual(2);
    expect(document.querySelector('img, script')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});

describe('SidebarApp unsaved edits', () => {
  it('keeps unsaved edits as a draft that comes back when the deal is opened again, until discarded', async () => {
    const user = userEvent.setup();
    const { sidebar, draftCount, localStorage } = createInMemoryBackground();
    await sidebar.setRater('dana');
    await openDeal(sidebar);
    await user.click(within(screen.getByRole('radiogroup', { name: 'Metrics' })).getAllByRole('radio')[2]!);
    await user.type(await openNote(user, 'Metrics'), 'CFO named the target');
    // The draft is written shortly after each edit: wait for the write that holds the whole note.
    await waitFor(() =>
      expect(JSON.stringify([...localStorage.items.values()])).toContain('CFO named the target'),
    );
    expect(draftCount()).toBe(1);
    document.body.innerHTML = '';

    await openDeal(sidebar);
    expect(screen.getByRole('status', { name: 'Unsaved edits' })).toHaveTextContent(
      'Your unsaved edits from',
    );
    expect(
      within(screen.getByRole('radiogroup', { name: 'Metrics' })).getAllByRole('radio')[2],
    ).toBeChecked();
    await screen.findByText('CFO named the target');
    expect(await openNote(user, 'Metrics')).toHaveValue('CFO named the target');
    expect(screen.getByText('Unsaved changes (Ctrl+Enter saves).')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Discard edits' }));
    await waitFor(() =>
      expect(
        within(screen.getByRole('radiogroup', { name: 'Metrics' })).getAllByRole('radio')[2],
      ).not.toBeChecked(),
    );
    expect(draftCount()).toBe(0);
  }, 20_000);

  it('warns that unsaved edits could not be kept when storage is full, and stops warning once they are', async () => {
    const user = userEvent.setup();
    const { sidebar, localStorage, draftCount } = createInMemoryBackground();
    await sidebar.setRater('dana');
    await openDeal(sidebar);
    localStorage.state.full = true;
    await user.click(within(screen.getByRole('radiogroup', { name: 'Metrics' })).getAllByRole('radio')[2]!);
    expect(await screen.findByRole('alert', { name: 'Unsaved edits not kept' })).toHaveTextContent(
      /could not be kept and are lost if this page reloads.*QUOTA_BYTES quota exceeded/,
    );
    expect(draftCount()).toBe(0);

    localStorage.state.full = false;
    await user.click(within(screen.getByRole('radiogroup', { name: 'Metrics' })).getAllByRole('radio')[1]!);
    await waitFor(() => expect(draftCount()).toBe(1));
    expect(screen.queryByRole('alert', { name: 'Unsaved edits not kept' })).toBeNull();
  });

  it('clears the draft once the score is saved', async () => {
    const user = userEvent.setup();
    const { sidebar, draftCount } = createInMemoryBackground();
    await sidebar.setRater('dana');
    await openDeal(sidebar);
    await user.click(within(screen.getByRole('radiogroup', { name: 'Metrics' })).getAllByRole('radio')[1]!);
    await waitFor(() => expect(draftCount()).toBe(1));
    await user.click(screen.getByRole('button', { name: 'Save score' }));
    await screen.findByText(/^Saved at/);
    expect(draftCount()).toBe(0);
  });
});
