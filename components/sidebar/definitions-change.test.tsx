import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import meddpiccJson from '../../public/definitions/meddpicc.json';
import { ownValue } from '../../lib/own-value';
import { activateDefinitionsText } from '../../lib/db/definitions-repository';
import { createInMemoryBackground } from '../../tests/unit/helpers/in-memory-background';
import { lightningSnapshot } from '../../tests/unit/helpers/deal-snapshots';
import type { SidebarBackend } from './sidebar-backend';
import { SidebarApp } from './SidebarApp';
import { SidebarStoreContext } from './sidebar-context';
import { createSidebarStore } from './sidebar-store';

async function openDeal(backend: SidebarBackend) {
  const store = createSidebarStore(backend);
  render(
    <SidebarStoreContext.Provider value={store}>
      <SidebarApp />
    </SidebarStoreContext.Provider>,
  );
  act(() => store.getState().showPage({ status: 'ready', snapshot: lightningSnapshot() }));
  await screen.findAllByRole('radiogroup');
  return store;
}

/** MEDDPICC 1.2.0: Metrics weighs more and Champion's question is reworded; nothing else changes. */
function nextVersion(): string {
  const next = structuredClone(meddpiccJson);
  next.version = '1.2.0';
  next.criteria.find((c) => c.id === 'metrics')!.weight = 4;
  next.criteria.find((c) => c.id === 'champion')!.question = 'Who sells for us when we are not in the room?';
  return JSON.stringify(next);
}

/** A deal scored under the shipped MEDDPICC, then the team's definitions move to 1.2.0. */
async function scoredThenChanged(definitionsText = nextVersion()) {
  const { sidebar, services } = createInMemoryBackground();
  await sidebar.setRater('dana');
  const snapshot = lightningSnapshot();
  const state = await sidebar.getDealState(snapshot.dealKey);
  if (!state.ok) throw new Error('expected the deal state');
  const topLevels = { economic_buyer: 3, champion: 3, decision_process: 3 };
  const response = await sidebar.saveScore({
    saveId: crypto.randomUUID(),
    deal: snapshot,
    definitionsHash: state.value.active.hash,
    answers: state.value.active.definitions.criteria.map((c) => ({
      criterionId: c.id,
      level: ownValue(topLevels, c.id) ?? null,
      evidence: '',
    })),
  });
  if (!response.ok) throw new Error('expected the score saved');
  const activated = await activateDefinitionsText(
    services.db,
    definitionsText,
    'https://revops.example/d.json',
    new Date(),
  );
  expect(activated.ok).toBe(true);
  return { user: userEvent.setup(), sidebar, saved: response.value };
}

describe('the sidebar after a definitions change', () => {
  it('shows the saved figure under the old version beside the unsaved one under the new, and marks the draft unsaved', async () => {
    const { sidebar, saved } = await scoredThenChanged();
    await openDeal(sidebar);
    const line = await screen.findByTestId('saved-versus-now');
    const header = screen.getByRole('banner');
    expect(header).toContainElement(line);
    expect(line).toHaveTextContent(
      new RegExp(
        `^Saved ${saved.total} ${saved.band.label} under 1\\.1\\.1 · now (\\d+(\\.\\d)?) (\\w+) under 1\\.2\\.0, not saved$`,
      ),
    );
    const now = /now (\S+) /.exec(line.textContent ?? '')![1];
    // Metrics weighs more and is unanswered, so the same answers come to less.
    expect(Number(now)).toBeLessThan(saved.total);
    expect(screen.getByTestId('score-total')).toHaveTextContent(now!);
    expect(screen.getByText('Unsaved changes (Ctrl+Enter saves).')).toBeInTheDocument();
  });

  it('steps the rep through the changed criteria one by one, moving focus to each', async () => {
    const { user, sidebar } = await scoredThenChanged();
    await openDeal(sidebar);
    const notice = await screen.findByRole('status', { name: 'Definitions changed' });
    await user.click(within(notice).getByRole('button', { name: 'Re-score with meddpicc 1.2.0' }));
    const steps = within(notice).getByRole('group', { name: 'Changed criteria' });
    expect(steps).toHaveTextContent('Changed criterion 1 of 2: Metrics');
    expect(screen.getByRole('radiogroup', { name: 'Metrics' })).toContainElement(
      document.activeElement as HTMLElement,
    );
    const previous = within(steps).getByRole('button', { name: 'Previous changed criterion' });
    const next = within(steps).getByRole('button', { name: 'Next changed criterion' });
    expect(previous).toBeDisabled();

    await user.click(next);
    expect(steps).toHaveTextContent('Changed criterion 2 of 2: Champion');
    const champion = screen.getByRole('radiogroup', { name: 'Champion' });
    // The level carried over is the one focused.
    expect(document.activeElement).toBe(within(champion).getAllByRole('radio').at(-2));
    expect(next).toBeDisabled();

    await user.click(previous);
    expect(steps).toHaveTextContent('Changed criterion 1 of 2: Metrics');
    expect(screen.getByRole('radiogroup', { name: 'Metrics' })).toContainElement(
      document.activeElement as HTMLElement,
    );
  });

  it('says quietly that a calibration-only update changes nothing, with no unsaved figure and nothing to step through', async () => {
    const calibrationOnly = structuredClone(meddpiccJson);
    calibrationOnly.version = '1.1.2';
    calibrationOnly.calibration = calibrationOnly.calibration.slice(1);
    const { sidebar, saved } = await scoredThenChanged(JSON.stringify(calibrationOnly));
    await openDeal(sidebar);
    expect(await screen.findByLabelText('Definitions updated')).toHaveTextContent(
      'Scored under 1.1.1; 1.1.2 changes nothing in how deals are scored.',
    );
    expect(screen.queryByTestId('saved-versus-now')).toBeNull();
    expect(screen.queryByRole('status', { name: 'Definitions changed' })).toBeNull();
    expect(screen.queryByText('Unsaved changes (Ctrl+Enter saves).')).toBeNull();
    expect(screen.getByTestId('score-total')).toHaveTextContent(String(saved.total));
  });

  it('drops the saved-versus-now line and the notice once the rep saves under the new version', async () => {
    const { user, sidebar } = await scoredThenChanged();
    await openDeal(sidebar);
    await screen.findByTestId('saved-versus-now');
    await user.click(screen.getByRole('button', { name: 'Save score' }));
    await screen.findByText(/^Saved at/);
    await waitFor(() => expect(screen.queryByTestId('saved-versus-now')).toBeNull());
    expect(screen.queryByRole('status', { name: 'Definitions changed' })).toBeNull();
  });

  it('tells the rep in one line that the team’s definitions could not be updated, without the admin’s error', async () => {
    const { sidebar, options } = createInMemoryBackground();
    const refused = await options.importDefinitions('team.json', '{"schemaVersion": 1, "id": "Bad Id"}');
    expect(refused.ok).toBe(false);
    await openDeal(sidebar);
    const notice = await screen.findByRole('status', { name: 'Definitions not updated' });
    expect(notice).toHaveTextContent(
      /^Your team’s definitions could not be updated; your admin can see why in Yardstick’s settings\. Still scoring against MEDDPICC 1\.1\.1\.$/,
    );
    expect(notice.querySelectorAll('li')).toHaveLength(0);
  });
});
