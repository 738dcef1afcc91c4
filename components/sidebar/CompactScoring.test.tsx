import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createInMemoryBackground } from '../../tests/unit/helpers/in-memory-background';
import { lightningSnapshot } from '../../tests/unit/helpers/deal-snapshots';
import { SidebarApp } from './SidebarApp';
import { SidebarStoreContext } from './sidebar-context';
import { createSidebarStore } from './sidebar-store';
import meddpiccJson from '../../public/definitions/meddpicc.json';
import { definitionsPreviewOf } from '../../lib/definitions/definitions-preview';
import { DefinitionsV1Schema } from '../../lib/definitions/schema-v1';

/** The criteria as last served, which the sidebar lays out while a deal loads. */
const PREVIEW = definitionsPreviewOf('last-served', DefinitionsV1Schema.parse(meddpiccJson).criteria);

async function openDeal(snapshot = lightningSnapshot()) {
  const { sidebar } = createInMemoryBackground();
  const store = createSidebarStore(sidebar, { definitionsPreview: PREVIEW });
  render(
    <SidebarStoreContext.Provider value={store}>
      <SidebarApp />
    </SidebarStoreContext.Provider>,
  );
  act(() => store.getState().showPage({ status: 'ready', snapshot }));
  await waitFor(() =>
    expect(screen.getByRole('region', { name: 'Criteria' })).toHaveAttribute('aria-busy', 'false'),
  );
  return { store, user: userEvent.setup() };
}

const group = (name: string) => screen.getByRole('radiogroup', { name });
const rowOf = (name: string) => group(name).closest<HTMLElement>('.ys-criterion')!;

describe('Compact scoring: the segmented level control', () => {
  it('names each segment by its level, describes it by its evidence, and keeps Unknown last and apart', async () => {
    await openDeal();
    const radios = within(group('Metrics')).getAllByRole('radio');
    expect(radios.map((r) => r.getAttribute('aria-describedby') !== null)).toEqual([
      true,
      true,
      true,
      true,
      false,
    ]);
    expect(radios[0]).toHaveAccessibleName('None');
    expect(radios[0]).toHaveAccessibleDescription(/No customer contact has stated a measurable outcome/);
    expect(radios[2]).toHaveAccessibleName('Quantified');
    expect(radios.at(-1)).toHaveAccessibleName('Unknown');
    expect(radios.at(-1)!.closest('label')).toHaveClass('ys-segment-unknown');
    expect(rowOf('Metrics')).toHaveTextContent('Not answered');
  });

  it('moves and chooses with the arrow keys, from the lowest level to Unknown and round', async () => {
    const { store, user } = await openDeal();
    const radios = within(group('Champion')).getAllByRole('radio');
    await user.click(radios[0]!);
    expect(store.getState().draft.champion?.level).toBe(0);
    expect(rowOf('Champion')).toHaveTextContent('None');

    await user.keyboard('{ArrowRight}');
    expect(radios[1]).toHaveFocus();
    expect(radios[1]).toBeChecked();
    expect(store.getState().draft.champion?.level).toBe(1);

    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}');
    expect(radios.at(-1)).toBeChecked();
    expect(store.getState().draft.champion?.level).toBeNull();
    expect(rowOf('Champion').querySelector('.ys-criterion-state')).toHaveTextContent(/^Unknown/);

    await user.keyboard('{ArrowRight}');
    expect(radios[0]).toBeChecked();
    expect(store.getState().draft.champion?.level).toBe(0);
  });

  it('scores the lowest level as a known answer and Unknown as unknown', async () => {
    const { user } = await openDeal();
    await user.click(screen.getByRole('button', { name: /short/ }));
    const unknowns = () => screen.getByText(/unknown or unanswered/);
    expect(screen.getByText(/^No criterion answered yet/)).toBeInTheDocument();
    await user.click(within(group('Metrics')).getAllByRole('radio')[0]!);
    expect(unknowns()).toHaveTextContent(/^7 of 8/);
    await user.click(within(group('Metrics')).getByRole('radio', { name: 'Unknown' }));
    expect(unknowns()).toHaveTextContent(/^8 of 8/);
  });
});

describe('Compact scoring: definitions and evidence on demand', () => {
  it('opens the question, definition and every level’s evidence from the criterion’s name', async () => {
    const { user } = await openDeal();
    const disclosure = screen.getByRole('button', { name: 'Paper process' });
    expect(disclosure).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByText(/what it takes to get the contract signed/)).toBeNull();

    await user.click(disclosure);
    expect(disclosure).toHaveAttribute('aria-expanded', 'true');
    const details = document.getElementById(disclosure.getAttribute('aria-controls')!)!;
    expect(details).toHaveTextContent(/what it takes to get the contract signed/);
    expect(details).toHaveTextContent(/Started/);
    expect(details).toHaveTextContent(/sent their security questionnaire/);

    await user.click(disclosure);
    expect(screen.queryByText(/what it takes to get the contract signed/)).toBeNull();
  });

  it('opens the evidence note with Enter on a level, focused, and Escape goes back to the level', async () => {
    const { store, user } = await openDeal();
    const radios = within(group('Metrics')).getAllByRole('radio');
    await user.click(radios[2]!);
    expect(screen.queryByRole('textbox', { name: 'Evidence for Metrics' })).toBeNull();

    await user.keyboard('{Enter}');
    const note = await screen.findByRole('textbox', { name: 'Evidence for Metrics' });
    await waitFor(() => expect(note).toHaveFocus());
    expect(screen.getByRole('button', { name: 'Evidence for Metrics' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    await user.keyboard('CFO named 14%');
    expect(store.getState().draft.metrics).toEqual({ level: 2, evidence: 'CFO named 14%' });

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('textbox', { name: 'Evidence for Metrics' })).toBeNull();
    expect(radios[2]).toHaveFocus();
    expect(rowOf('Metrics')).toHaveTextContent('CFO named 14%');
    // Escape in the note closes the note, not the sidebar.
    expect(screen.getByRole('complementary', { name: 'Yardstick' })).toBeInTheDocument();
  });

  it('leaves Ctrl+Enter on a level to the save, without opening the note', async () => {
    const { user } = await openDeal();
    await user.click(within(group('Metrics')).getAllByRole('radio')[1]!);
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(screen.queryByRole('textbox', { name: 'Evidence for Metrics' })).toBeNull();
  });

  it('starts the next deal with every note and disclosure closed', async () => {
    const { store, user } = await openDeal();
    await user.click(screen.getByRole('button', { name: 'Evidence for Champion' }));
    await user.click(screen.getByRole('button', { name: 'Champion' }));
    expect(screen.getByRole('textbox', { name: 'Evidence for Champion' })).toBeInTheDocument();

    act(() =>
      store.getState().showPage({
        status: 'ready',
        snapshot: lightningSnapshot({ recordId: '006Dn00000ZzZzZIAV' }),
      }),
    );
    expect(await screen.findByRole('button', { name: 'Champion' })).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('textbox', { name: 'Evidence for Champion' })).toBeNull();
  });
});

describe('Compact scoring: the pinned summary and the stage gates', () => {
  it('is one line with total, band and gates short, expanding to each shortfall', async () => {
    const { user } = await openDeal();
    const line = screen.getByRole('button', { name: /gates short/ });
    // No answers yet, so the line gives no verdict: "Not scored yet", then the gates.
    expect(line).toHaveTextContent(/^Not scored yet\d+ gates short$/);
    expect(line).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('group', { name: 'Stage requirements' })).toBeNull();

    await user.click(line);
    expect(line).toHaveAttribute('aria-expanded', 'true');
    const gates = screen.getByRole('group', { name: 'Stage requirements' });
    const count = Number(/(\d+) gates short/.exec(line.textContent!)![1]);
    expect(within(gates).getAllByRole('listitem')).toHaveLength(count);

    await user.click(line);
    expect(screen.queryByRole('group', { name: 'Stage requirements' })).toBeNull();
  });

  it('marks each criterion the stage gates flag, and unmarks it once it meets the gate', async () => {
    const { user } = await openDeal();
    await user.click(screen.getByRole('button', { name: /gates short/ }));
    const flagged = within(screen.getByRole('group', { name: 'Stage requirements' }))
      .getAllByRole('listitem')
      .map((item) => item.textContent!.split(':')[0]!);
    const marked = [...document.querySelectorAll('.ys-criterion[data-gate-short="true"]')].map(
      (row) => row.querySelector('.ys-disclosure')!.textContent,
    );
    expect(marked).toEqual(flagged);
    expect(marked).toContain('Economic buyer');
    expect(rowOf('Economic buyer').querySelector('.ys-criterion-state')).toHaveTextContent(
      /Not answered.*the stage needs \w+/,
    );

    const radios = within(group('Economic buyer')).getAllByRole('radio');
    await user.click(radios[radios.length - 2]!);
    expect(rowOf('Economic buyer')).toHaveAttribute('data-gate-short', 'false');
    expect(rowOf('Economic buyer').querySelector('.ys-criterion-state')).toHaveTextContent(/^Committed$/);
  });

  it('says no gates apply when the CRM stage is not one of the definitions’ stages', async () => {
    await openDeal(lightningSnapshot({ stage: { text: 'Haggling', strategy: 'test' } }));
    expect(screen.getByRole('button', { name: /stage not mapped/ })).toBeInTheDocument();
    expect(document.querySelectorAll('.ys-criterion[data-gate-short="true"]')).toHaveLength(0);
  });
});
