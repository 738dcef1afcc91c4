import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import meddpiccJson from '../../public/definitions/meddpicc.json';
import type { DealSnapshot } from '../../lib/crm/deal-snapshot';
import { activateDefinitionsText } from '../../lib/db/definitions-repository';
import { MessageType } from '../../lib/messaging/protocol-names';
import { createInMemoryBackground } from '../../tests/unit/helpers/in-memory-background';
import { lightningSnapshot } from '../../tests/unit/helpers/deal-snapshots';
import type { SidebarBackend } from '../sidebar/sidebar-backend';
import { PopupApp, type PopupActions } from './PopupApp';

function actions(): PopupActions & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    openOptions: async () => void calls.push('options'),
    openPage: async (page) => void calls.push(page),
    toggleSidebarInActiveTab: async () => void calls.push('toggle'),
  };
}

describe('PopupApp', () => {
  it('shows the active definitions and that they are in sync', async () => {
    const { options } = createInMemoryBackground();
    render(<PopupApp backend={options} actions={actions()} />);
    expect(await screen.findByRole('status')).toHaveTextContent('Definitions in sync');
    expect(screen.getByText(/MEDDPICC.* 1\.1\.1/)).toBeInTheDocument();
    expect(screen.getByText('Built in')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sync now' })).toBeDisabled();
  });

  it('flags a failed definitions update', async () => {
    const { options } = createInMemoryBackground();
    await options.importDefinitions('bad.json', '{"schemaVersion": 1}');
    render(<PopupApp backend={options} actions={actions()} />);
    expect(await screen.findByRole('status')).toHaveTextContent('Last definitions update failed');
    expect(screen.getByText(/The definitions file has \d+ problems/)).toBeInTheDocument();
    // The full error, each problem at its path, for whoever can fix the file.
    const problems = screen.getByRole('list', { name: 'Definitions problems' });
    expect(within(problems).getByText(/^id: is required/)).toBeInTheDocument();
    expect(within(problems).getAllByRole('listitem').length).toBeGreaterThan(1);
  });

  it('opens settings, calibration and audit, and toggles the sidebar', async () => {
    const user = userEvent.setup();
    const { options } = createInMemoryBackground();
    const popupActions = actions();
    render(<PopupApp backend={options} actions={popupActions} />);
    await user.click(await screen.findByRole('button', { name: 'Settings' }));
    await user.click(screen.getByRole('button', { name: 'Show or hide sidebar' }));
    await user.click(screen.getByRole('button', { name: 'Calibration' }));
    await user.click(screen.getByRole('button', { name: 'Audit' }));
    expect(popupActions.calls).toEqual(['options', 'toggle', 'calibration', 'audit']);
  });

  it('lists the deals the rep opened that were scored under older definitions, each a link to the deal', async () => {
    const { options, sidebar, contentScriptAt, services } = createInMemoryBackground();
    await sidebar.setRater('dana');
    const scoredOld = lightningSnapshot();
    const scoredNew = lightningSnapshot({
      recordId: '006Dn00000ZzYyXIAV',
      dealKey: 'salesforce-lightning:acme:006Dn00000ZzYyXIAV',
      url: 'https://acme.lightning.force.com/lightning/r/Opportunity/006Dn00000ZzYyXIAV/view',
      name: { text: 'Initech — Renewal', strategy: 'x' },
    });
    const neverOpened = lightningSnapshot({
      recordId: '006Dn00000QqRrSIAV',
      dealKey: 'salesforce-lightning:acme:006Dn00000QqRrSIAV',
      url: 'https://acme.lightning.force.com/lightning/r/Opportunity/006Dn00000QqRrSIAV/view',
      name: { text: 'Hooli — Pilot', strategy: 'x' },
    });
    for (const deal of [scoredOld, scoredNew, neverOpened]) await saveBlankScore(sidebar, deal);
    await activateDefinitionsText(
      services.db,
      meddpiccVersion('1.2.0', reweightMetrics),
      'https://revops.example/d.json',
      new Date(),
    );
    await saveBlankScore(sidebar, scoredNew);
    // The rep opens two deals in their CRM; the third was scored but not opened since.
    for (const deal of [scoredOld, scoredNew]) {
      const opened = await contentScriptAt(deal.url)({
        type: MessageType.getDealState,
        dealKey: deal.dealKey,
      });
      expect(opened.ok).toBe(true);
    }

    render(<PopupApp backend={options} actions={actions()} />);
    const list = await screen.findByRole('list', { name: 'Deals to re-score' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(items[0]).toHaveTextContent('Globex — Data Platform Renewal (scored under meddpicc 1.1.1)');
    expect(within(items[0]!).getByRole('link', { name: 'Globex — Data Platform Renewal' })).toHaveAttribute(
      'href',
      scoredOld.url,
    );
  });

  it('lists no deal when the new definitions change nothing in how deals are scored, unless the old ones are lost', async () => {
    const { options, sidebar, contentScriptAt, services } = createInMemoryBackground();
    await sidebar.setRater('dana');
    const deal = lightningSnapshot();
    await saveBlankScore(sidebar, deal);
    const scoredUnder = (await services.readActiveDefinitions()).hash;
    const activated = await activateDefinitionsText(
      services.db,
      meddpiccVersion('1.1.2', (definitions) => {
        definitions.title = 'MEDDPICC (team copy)';
        definitions.calibration = definitions.calibration.slice(1);
        definitions.criteria[0]!.name = 'Metrics (quantified)';
      }),
      'https://revops.example/d.json',
      new Date(),
    );
    expect(activated.ok).toBe(true);
    await contentScriptAt(deal.url)({ type: MessageType.getDealState, dealKey: deal.dealKey });
    expect(await options.listDealsToRescore()).toEqual({ ok: true, value: [] });

    // Without the definitions the score was made under, nobody can tell what changed: it is listed.
    await services.db.definitionsVersions.delete(scoredUnder);
    const listed = await options.listDealsToRescore();
    expect(listed.ok && listed.value.map((d) => d.dealKey)).toEqual([deal.dealKey]);
  });

  it('lists nothing when every opened deal is scored under the active definitions', async () => {
    const { options, sidebar, contentScriptAt } = createInMemoryBackground();
    await sidebar.setRater('dana');
    const deal = lightningSnapshot();
    await saveBlankScore(sidebar, deal);
    await contentScriptAt(deal.url)({ type: MessageType.getDealState, dealKey: deal.dealKey });
    render(<PopupApp backend={options} actions={actions()} />);
    await screen.findByRole('status');
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Deals to re-score' })).toBeNull());
    expect(screen.queryByText('To re-score')).toBeNull();
  });
});

async function saveBlankScore(sidebar: SidebarBackend, deal: DealSnapshot): Promise<void> {
  const state = await sidebar.getDealState(deal.dealKey);
  if (!state.ok) throw new Error('expected the deal state');
  const saved = await sidebar.saveScore({
    saveId: crypto.randomUUID(),
    deal,
    definitionsHash: state.value.active.hash,
    answers: state.value.active.definitions.criteria.map((c) => ({
      criterionId: c.id,
      level: 1,
      evidence: '',
    })),
  });
  if (!saved.ok) throw new Error(saved.error.message);
}

/** MEDDPICC under another version, changed by `edit`. */
function meddpiccVersion(version: string, edit: (definitions: typeof meddpiccJson) => void): string {
  const next = structuredClone(meddpiccJson);
  next.version = version;
  edit(next);
  return JSON.stringify(next);
}

const reweightMetrics = (definitions: typeof meddpiccJson) =>
  void (definitions.criteria.find((c) => c.id === 'metrics')!.weight = 4);
