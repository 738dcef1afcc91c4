import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createInMemoryBackground } from '../../tests/unit/helpers/in-memory-background';
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
    expect(screen.getByText(/MEDDPICC.* 1\.1\.0/)).toBeInTheDocument();
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
});
