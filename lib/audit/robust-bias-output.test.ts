import { lenientTeamInput, LENIENT_RATER } from '../../tests/unit/helpers/lenient-team';
import { formatAuditText } from './format-audit-text';
import { toReportCsv } from './report-csv';
import { runAudit } from './run-audit';

const report = runAudit(lenientTeamInput(), { asOf: Date.UTC(2024, 6, 1), bootstrap: false });

describe('the robust bias in the CLI’s text and CSV', () => {
  it('splits the text’s n into deals and calibration cases, as the page and --json do', () => {
    const text = formatAuditText(report);
    const against = text.slice(text.indexOf('AGAINST THE TEAM'));
    const leeRow = against.split('\n').find((line) => line.startsWith(LENIENT_RATER))!;
    expect(leeRow).toMatch(/\+0\.67\* \(15 deals and 3 calibration cases\)/);
    expect(against).not.toMatch(/\(18\)/);
  });

  it('adds CSV rows for the deals and calibration cases in each robust bias’s n', () => {
    const rows = toReportCsv(report, null)
      .split(/\r?\n/)
      .filter((line) => line.startsWith('"rater bias against the team","lee","champion"'));
    expect(rows).toEqual([
      expect.stringMatching(
        /^"rater bias against the team","lee","champion","effect from the team consensus \(levels\), flagged",[\d.]+,18,/,
      ),
      '"rater bias against the team","lee","champion","deals in n",15,,,,""',
      '"rater bias against the team","lee","champion","calibration cases in n",3,,,,""',
    ]);
  });
});
