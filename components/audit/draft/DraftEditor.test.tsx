import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { runAudit } from '../../../lib/audit/run-audit';
import { parseDefinitions } from '../../../lib/definitions/parse-definitions';
import { fixtureText } from '../../../tests/unit/helpers/fixture-text';
import { lenientTeamInput } from '../../../tests/unit/helpers/lenient-team';
import { DraftEditor } from './DraftEditor';

const parsed = parseDefinitions(fixtureText('audit/two-criteria.json'));
if (!parsed.ok) throw new Error(parsed.error.summary);
const current = parsed.value;
const report = runAudit(lenientTeamInput(), { asOf: Date.UTC(2024, 6, 1) });

describe('DraftEditor', () => {
  it('proposes the findings’ changes, applies the weights, and names the lenient rater instead of a rewrite', () => {
    render(<DraftEditor current={current} report={report} />);
    const proposals = within(screen.getByRole('list', { name: 'Proposed changes' })).getAllByRole('listitem');
    const text = proposals.map((item) => item.textContent);
    expect(text[0]).toMatch(
      /^Do not reword Champion: talk to lee \(agreement 0\.65, 1\.00 without lee: no rewrite\)/,
    );
    expect(text).toContainEqual(
      expect.stringMatching(/^Raise the weight of Champion from 3 to 4 \(AUC 0\.95/),
    );
    // Metrics' AUC 0.23 has the logit interval [0.07, 0.54]: it reaches chance, so no lowering yet.
    expect(text.join(' ')).not.toMatch(/Lower the weight of Metrics/);
    expect(text.join(' ')).not.toMatch(/Reword/);
    const changes = screen.getByRole('list', { name: 'Changes from the current version' });
    expect(changes).toHaveTextContent('version 2.1.0 → 2.2.0');
    expect(changes).toHaveTextContent('Champion: weight 3 → 4');
  });

  it('validates every edit as typed with the CLI’s message, and downloads only a valid draft', async () => {
    const user = userEvent.setup();
    render(<DraftEditor current={current} report={report} />);
    const champion = screen.getByRole('group', { name: 'Criterion Champion' });
    const weight = within(champion).getByLabelText('Weight');
    await user.clear(weight);
    await user.type(weight, '-2');
    expect(weight).toHaveAttribute('aria-invalid', 'true');
    expect(within(champion).getByText('criteria[0].weight: must be greater than 0')).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Problems in the draft' })).toHaveTextContent(
      'criteria[0].weight: must be greater than 0',
    );
    expect(screen.getByRole('button', { name: 'Download the draft (JSON)' })).toBeDisabled();
    await user.clear(weight);
    await user.type(weight, '5');
    expect(weight).not.toHaveAttribute('aria-invalid');
    expect(screen.getByRole('button', { name: 'Download the draft (YAML)' })).toBeEnabled();
    expect(screen.getByRole('list', { name: 'Changes from the current version' })).toHaveTextContent(
      'Champion: weight 3 → 5',
    );
  }, 30_000);
});
