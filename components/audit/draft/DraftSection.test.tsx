import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { builtInFrameworks } from '../../../entrypoints/audit/frameworks';
import { DraftSection } from './DraftSection';

describe('DraftSection', () => {
  it('lets a new admin start the first version from a built-in framework, without any audit data', async () => {
    const user = userEvent.setup();
    const frameworks = builtInFrameworks();
    expect(frameworks.map((f) => f.id)).toEqual(['meddpicc', 'meddicc', 'bant', 'spiced']);
    render(<DraftSection definitions={null} frameworks={frameworks} report={null} />);
    await user.selectOptions(
      screen.getByLabelText('Start from'),
      screen.getByRole('option', { name: /^BANT/ }),
    );
    await user.click(screen.getByRole('button', { name: 'Draft the next version' }));
    expect(screen.getByText('The findings propose no change; edit what you want below.')).toBeInTheDocument();
    const bant = frameworks.find((f) => f.id === 'bant')!;
    const first = screen.getByRole('group', { name: `Criterion ${bant.criteria[0]!.name}` });
    const name = within(first).getByLabelText('Name');
    await user.clear(name);
    await user.type(name, 'Budget agreed');
    const changes = screen.getByRole('list', { name: 'Changes from the current version' });
    expect(changes).toHaveTextContent(`Budget agreed: renamed from “${bant.criteria[0]!.name}”`);
    expect(screen.getByRole('button', { name: 'Download the draft (JSON)' })).toBeEnabled();
  }, 30_000);
});
