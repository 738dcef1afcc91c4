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

const changes = () => screen.getByRole('list', { name: 'Changes from the current version' });
const problems = () => screen.getByRole('list', { name: 'Problems in the draft' });

describe('the draft editor’s form', () => {
  it('adds a criterion whose empty fields show the CLI’s messages beside them, then validates once written', async () => {
    const user = userEvent.setup();
    render(<DraftEditor current={current} report={null} />);
    await user.click(screen.getByRole('button', { name: 'Add a criterion' }));
    const added = screen.getByRole('group', { name: 'Criterion criterion_1' });
    expect(within(added).getByText('criteria[2].name: must not be empty')).toBeInTheDocument();
    expect(within(added).getByLabelText('Name')).toHaveAttribute('aria-invalid', 'true');
    expect(problems()).toHaveTextContent('criteria[2].levels[0].evidence: must not be empty');
    expect(screen.getByRole('button', { name: 'Download the draft (JSON)' })).toBeDisabled();

    await user.clear(within(added).getByLabelText('Id'));
    await user.type(within(added).getByLabelText('Id'), 'timeline');
    await user.type(within(added).getByLabelText('Name'), 'Timeline');
    const criterion = screen.getByRole('group', { name: 'Criterion Timeline' });
    await user.type(within(criterion).getByLabelText('Question'), 'When must it be live?');
    await user.type(within(criterion).getByLabelText('Definition'), 'A date the customer owns.');
    const levels = within(criterion).getAllByLabelText('Level label');
    const evidence = within(criterion).getAllByLabelText('Evidence');
    await user.type(levels[0]!, 'None');
    await user.type(evidence[0]!, 'No date named.');
    await user.type(levels[1]!, 'Dated');
    await user.type(evidence[1]!, 'The customer named a go-live date.');
    await user.type(within(criterion).getByLabelText('Gate: minimum level by Negotiate'), '1');
    expect(changes()).toHaveTextContent('Timeline: added');
    expect(screen.getByRole('button', { name: 'Download the draft (YAML)' })).toBeEnabled();
  }, 30_000);

  it('removes and adds levels, with the list’s own message where the list sits', async () => {
    const user = userEvent.setup();
    render(<DraftEditor current={current} report={null} />);
    await user.click(screen.getByRole('button', { name: 'Remove level Coach of Champion' }));
    await user.click(screen.getByRole('button', { name: 'Remove level Champion of Champion' }));
    const champion = screen.getByRole('group', { name: 'Criterion Champion' });
    expect(
      within(champion).getByText('criteria[0].levels: a criterion needs at least 2 levels'),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add a level to Champion' }));
    const values = within(champion).getAllByLabelText('Level value');
    expect(values.map((input) => (input as HTMLInputElement).value)).toEqual(['0', '1']);
    await user.type(within(champion).getAllByLabelText('Level label')[1]!, 'Sponsor');
    await user.type(within(champion).getAllByLabelText('Evidence')[1]!, 'A contact vouched for us.');
    // The gate at Negotiate asked for level 2, which no longer exists.
    expect(problems()).toHaveTextContent('criteria[0].gates.negotiate');
    await user.clear(within(champion).getByLabelText('Gate: minimum level by Negotiate'));
    expect(changes()).toHaveTextContent(/Champion: .*level/);
  }, 30_000);

  it('reorders and removes criteria, renames them, and removes a stage with its gates', async () => {
    const user = userEvent.setup();
    render(<DraftEditor current={current} report={null} />);
    expect(screen.getByRole('button', { name: 'Move Champion up' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Move Metrics up' }));
    const legends = () =>
      screen
        .getAllByRole('group', { name: /^Criterion / })
        .map((group) => group.querySelector('legend')!.textContent);
    expect(legends()).toEqual(['Criterion Metrics', 'Criterion Champion']);
    expect(changes()).toHaveTextContent('criteria order: Metrics, Champion');

    await user.click(screen.getByRole('button', { name: 'Remove stage Qualify' }));
    // Metrics' only gate was at Qualify: it goes with the stage, and the draft stays valid.
    expect(changes()).toHaveTextContent('stages changed');
    expect(screen.queryByLabelText('Gate: minimum level by Qualify')).not.toBeInTheDocument();

    const metrics = screen.getByRole('group', { name: 'Criterion Metrics' });
    await user.clear(within(metrics).getByLabelText('Name'));
    await user.type(within(metrics).getByLabelText('Name'), 'Quantified value');
    expect(changes()).toHaveTextContent('Quantified value: renamed from “Metrics”');
    await user.click(screen.getByRole('button', { name: 'Remove criterion Champion' }));
    expect(changes()).toHaveTextContent('Champion: removed');
    expect(screen.queryByRole('group', { name: 'Criterion Champion' })).not.toBeInTheDocument();
  }, 30_000);

  it('works from the keyboard: focus lands on what was added, follows what moved, returns to Add after a removal', async () => {
    const user = userEvent.setup();
    render(<DraftEditor current={current} report={null} />);
    screen.getByRole('button', { name: 'Add a criterion' }).focus();
    await user.keyboard('{Enter}');
    const added = screen.getByRole('group', { name: 'Criterion criterion_1' });
    expect(within(added).getByLabelText('Name')).toHaveFocus();
    await user.keyboard('Timeline');
    const timeline = screen.getByRole('group', { name: 'Criterion Timeline' });
    within(timeline).getByRole('button', { name: 'Move Timeline up' }).focus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('button', { name: 'Move Timeline up' })).toHaveFocus();
    await user.keyboard('{Enter}');
    // At the top "up" is disabled: focus goes to "down" of the same criterion.
    expect(screen.getByRole('button', { name: 'Move Timeline down' })).toHaveFocus();
    screen.getByRole('button', { name: 'Add a level to Timeline' }).focus();
    await user.keyboard('{Enter}');
    const levelLabels = within(screen.getByRole('group', { name: 'Criterion Timeline' })).getAllByLabelText(
      'Level label',
    );
    expect(levelLabels[2]).toHaveFocus();
    await user.tab();
    expect(
      within(screen.getByRole('group', { name: 'Criterion Timeline' })).getAllByLabelText('Evidence')[2],
    ).toHaveFocus();
    screen.getByRole('button', { name: 'Remove criterion Timeline' }).focus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('button', { name: 'Add a criterion' })).toHaveFocus();
    expect(screen.queryByRole('group', { name: 'Criterion Timeline' })).not.toBeInTheDocument();
  }, 30_000);

  it('edits bands and stage aliases with the validator’s messages', async () => {
    const user = userEvent.setup();
    render(<DraftEditor current={current} report={null} />);
    await user.click(screen.getByRole('button', { name: 'Add a band' }));
    expect(problems()).toHaveTextContent('bands[3].label: must not be empty');
    await user.click(screen.getByRole('button', { name: 'Remove band band 4' }));
    const qualified = screen.getByRole('group', { name: 'Band Qualified' });
    await user.clear(within(qualified).getByLabelText('From'));
    await user.type(within(qualified).getByLabelText('From'), '80');
    expect(problems()).toHaveTextContent(/bands\[2\]\.min: /);
    await user.clear(within(qualified).getByLabelText('From'));
    await user.type(within(qualified).getByLabelText('From'), '70');

    await user.click(screen.getByRole('button', { name: 'Add a stage' }));
    const stage = screen.getByRole('group', { name: 'Stage stage 4' });
    await user.type(within(stage).getByLabelText('Stage name'), 'Closing');
    const crmNames = within(screen.getByRole('group', { name: 'Stage Closing' })).getByLabelText(
      'CRM names (comma-separated)',
    );
    await user.type(crmNames, 'Closed Won, Verbal');
    // The comma and the space survive the typing, and leaving the field shows the items as the draft has them.
    expect(crmNames).toHaveValue('Closed Won, Verbal');
    await user.type(crmNames, ',  ');
    await user.tab();
    expect(crmNames).toHaveValue('Closed Won, Verbal');
    expect(changes()).toHaveTextContent('stages changed');
    expect(screen.getByRole('button', { name: 'Download the draft (JSON)' })).toBeEnabled();
  }, 30_000);
});

describe('what the raters split on', () => {
  const report = runAudit(lenientTeamInput(), { asOf: Date.UTC(2024, 6, 1), bootstrap: false });
  const [item] = report.closedLoop.raterNotWording;
  // The same split had α without lee stayed low: the findings propose rewording Champion.
  const stillLow = {
    ...report,
    closedLoop: {
      ...report.closedLoop,
      raterNotWording: [],
      rewrite: [
        {
          ...item!,
          ci: null,
          withoutFlaggedRater: [{ rater: 'lee', alpha: 0.4, units: 18, recovers: false }],
        },
      ],
    },
  };

  it('shows per level which levels the raters picked instead, with counts from the ratings', () => {
    render(<DraftEditor current={current} report={stillLow} />);
    const none = screen.getByRole('group', { name: 'Champion: None' });
    expect(none).toHaveTextContent(
      'Raters split: Coach (1) on the same deal in 12 rating pairs; agreed on it in 6 rating pairs.',
    );
    const coach = screen.getByRole('group', { name: 'Champion: Coach' });
    expect(coach).toHaveTextContent(
      /None \(0\) on the same deal in 12 rating pairs; Champion \(2\) on the same deal in 12 rating pairs/,
    );
    expect(within(none).getByLabelText('Evidence')).toHaveAccessibleDescription(/Raters split: Coach/);
  });

  it('highlights only the levels the raters confused, not the whole criterion', () => {
    const champion = stillLow.criteria.find((c) => c.id === 'champion')!;
    const narrowed = {
      ...stillLow,
      criteria: stillLow.criteria.map((c) =>
        c === champion
          ? {
              ...c,
              agreement: {
                ...c.agreement,
                levelSplits: {
                  agreed: [
                    { low: 0, high: 0, pairs: 9 },
                    { low: 2, high: 2, pairs: 4 },
                  ],
                  confused: [{ low: 1, high: 2, pairs: 5 }],
                },
              },
            }
          : c,
      ),
    };
    render(<DraftEditor current={current} report={narrowed} />);
    const evidence = (level: string) =>
      within(screen.getByRole('group', { name: `Champion: ${level}` })).getByLabelText('Evidence');
    expect(evidence('Coach').closest('.ys-draft-split')).not.toBeNull();
    expect(evidence('Champion').closest('.ys-draft-split')).not.toBeNull();
    expect(evidence('None').closest('.ys-draft-split')).toBeNull();
    expect(screen.getByRole('group', { name: 'Champion: None' })).toHaveTextContent(
      'No split: agreed on it in 9 rating pairs.',
    );
    expect(
      screen.getByRole('group', { name: 'Criterion Metrics' }).querySelector('.ys-draft-split'),
    ).toBeNull();
  });
});
