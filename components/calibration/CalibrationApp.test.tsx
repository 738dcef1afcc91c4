import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MessageType } from '../../lib/messaging/protocol-names';
import { createInMemoryBackground } from '../../tests/unit/helpers/in-memory-background';
import type { SidebarBackend } from '../sidebar/sidebar-backend';
import { CalibrationApp } from './CalibrationApp';

function setUp() {
  const background = createInMemoryBackground();
  const backend: SidebarBackend = {
    ...background.sidebar,
    saveScore: ({ saveId, deal, definitionsHash, answers }) =>
      background.send({
        type: MessageType.saveCalibrationScore,
        saveId,
        caseId: deal.recordId,
        definitionsHash,
        answers,
      }),
  };
  const loadActiveDefinitions = async () => {
    const response = await background.options.getSettings();
    if (!response.ok) throw new Error(response.error.message);
    return response.value.active;
  };
  return { ...background, backend, loadActiveDefinitions };
}

describe('CalibrationApp', () => {
  it('lists the calibration cases and scores one blind, saved as a calibration rating', async () => {
    const user = userEvent.setup();
    const { backend, loadActiveDefinitions, services, sidebar } = setUp();
    await sidebar.setRater('priya@acme.example');
    render(<CalibrationApp backend={backend} loadActiveDefinitions={loadActiveDefinitions} />);
    const caseButtons = within(
      await screen.findByRole('navigation', { name: 'Calibration cases' }),
    ).getAllByRole('button');
    expect(caseButtons).toHaveLength(18);
    await user.click(caseButtons[1]!);
    expect(
      await screen.findByRole('heading', { level: 2, name: caseButtons[1]!.textContent! }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Stage requirements' })).not.toBeInTheDocument();
    await user.click(
      within(await screen.findByRole('radiogroup', { name: 'Champion' })).getAllByRole('radio')[2]!,
    );
    await user.click(screen.getByRole('button', { name: 'Save score' }));
    await screen.findByText(/^Saved at/);
    const [stored] = await services.db.scores.toArray();
    expect(stored).toMatchObject({
      context: 'calibration',
      rater: 'priya@acme.example',
      deal: { crm: 'calibration', instance: 'meddpicc' },
    });
    expect(stored!.dealKey).toMatch(/^calibration:meddpicc:/);
  });

  it('explains when the definitions have no calibration cases', async () => {
    const { backend, options } = setUp();
    const definitions = (await import('../../tests/fixtures/definitions/two-criteria.json')).default;
    await options.importDefinitions('team.json', JSON.stringify(definitions));
    const loadActiveDefinitions = async () => {
      const response = await options.getSettings();
      if (!response.ok) throw new Error('settings');
      return response.value.active;
    };
    render(<CalibrationApp backend={backend} loadActiveDefinitions={loadActiveDefinitions} />);
    expect(await screen.findByRole('status')).toHaveTextContent('has no calibration cases');
  });
});
