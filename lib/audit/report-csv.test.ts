import { runAudit } from './run-audit';
import { mergeImports } from '../exchange/merge-imports';
import { readImportFile, type ImportedFile } from '../exchange/read-import-file';
import { fixtureText } from '../../tests/unit/helpers/fixture-text';
import { csvCell, csvText, REPORT_CSV_COLUMNS, toReportCsv } from './report-csv';

async function auditOf(files: [string, string][]) {
  const imported: ImportedFile[] = [];
  for (const [name, text] of files) {
    const read = await readImportFile(name, text);
    if (!read.ok) throw new Error(read.error.summary);
    imported.push(read.value);
  }
  const merged = mergeImports(imported);
  if (!merged.ok) throw new Error(merged.error[0]!.summary);
  return {
    report: runAudit(merged.value.input, { asOf: Date.parse('2024-07-01T00:00:00Z') }),
    summary: merged.value.summary,
  };
}

/** A minimal RFC 4180 reader, to check the output parses back to the same cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

describe('csvText and csvCell', () => {
  it('quotes text and doubles inner quotes', () => {
    expect(csvText('say "hi", then go')).toBe('"say ""hi"", then go"');
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(csvText('=HYPERLINK("http://evil","x")')).toBe('"\'=HYPERLINK(""http://evil"",""x"")"');
    expect(csvText('+1+1')).toBe('"\'+1+1"');
    expect(csvText('-2+3')).toBe('"\'-2+3"');
    expect(csvText('@SUM(A1)')).toBe('"\'@SUM(A1)"');
    expect(csvText('\t=1')).toBe('"\'\t=1"');
    expect(csvText('alice')).toBe('"alice"');
  });

  it('writes numbers as plain numbers (negatives too) and null as empty', () => {
    expect(csvCell(-0.27)).toBe('-0.27');
    expect(csvCell(0.7858)).toBe('0.7858');
    expect(csvCell(null)).toBe('');
  });
});

describe('toReportCsv', () => {
  it('writes an Excel-friendly CSV of the pipeline report: BOM, CRLF, one figure per row with n', async () => {
    const { report, summary } = await auditOf(
      [
        'audit/pipeline-alice.json',
        'audit/pipeline-bob.ndjson',
        'audit/pipeline-carol-ratings.csv',
        'audit/pipeline-outcomes.csv',
      ].map((path) => [path.split('/')[1]!, fixtureText(path)]),
    );
    const csv = toReportCsv(report, summary);
    expect(csv.startsWith('\uFEFF"section","subject"')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual([...REPORT_CSV_COLUMNS]);
    for (const row of rows) expect(row).toHaveLength(REPORT_CSV_COLUMNS.length);
    const find = (section: string, criterion: string, measure: string, subject = '') =>
      rows.find((r) => r[0] === section && r[1] === subject && r[2] === criterion && r[3] === measure);

    const alpha = find('agreement', 'champion', 'alpha ordinal')!;
    expect(Number(alpha[4])).toBeCloseTo(0.786, 3);
    expect(alpha[5]).toBe('36');
    expect(Number(alpha[6])).toBeCloseTo(0.66, 2);
    // A figure that cannot be computed: no value, its reason in the note.
    const kappa = find('agreement', 'champion', 'Fleiss kappa')!;
    expect(kappa[4]).toBe('');
    expect(kappa[8]).toMatch(/^not applicable: units have between 2 and 3 ratings/);
    // Negative numbers stay numbers (unquoted), not neutralised text.
    expect(csv).toMatch(/"closed loop: rewrite","metrics","metrics","alpha ordinal",0\.06\d*,28,-0\.2\d*,/);
    expect(find('win rate by band', 'total', 'win rate (Wilson 95% interval)', 'low')![5]).toBe('12');
    expect(find('slices', 'champion', 'alpha ordinal', 'region=emea')).toBeDefined();
  });

  it('neutralises formula-like rater names and segment values that come from the files', async () => {
    const ratings = [
      'deal,rater,criterion,level',
      ...['d1', 'd2', 'd3', 'd4', 'd5', 'd6'].flatMap((deal, i) => [
        `${deal},=cmd|' /C calc'!A0,champion,${i % 3}`,
        `${deal},@evil,champion,${(i + 1) % 3}`,
      ]),
    ].join('\n');
    const outcomes = ['deal,outcome,region', 'd1,won,+danger', 'd2,lost,-1+1'].join('\n');
    const { report, summary } = await auditOf([
      ['ratings.csv', ratings],
      ['outcomes.csv', outcomes],
    ]);
    const csv = toReportCsv(report, summary);
    const cells = parseCsv(csv.slice(1)).flat();
    expect(cells).toContain("'=cmd|' /C calc'!A0");
    expect(cells).toContain("'@evil");
    expect(cells).toContain('region=+danger');
    for (const cell of cells) expect(cell).not.toMatch(/^[=+@\t\r]/);
    for (const cell of cells) if (cell.startsWith('-')) expect(Number.isFinite(Number(cell))).toBe(true);
  });
});
