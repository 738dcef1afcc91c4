import definitionsJson from '../../tests/fixtures/definitions/two-criteria.json';
import { lightningSnapshot } from '../../tests/unit/helpers/deal-snapshots';
import { DefinitionsV1Schema } from '../definitions/schema-v1';
import type { ScoreRecord } from '../scoring/score-record';
import { parseCsv } from './csv-parse';
import { neutraliseFormula, SCORES_CSV_COLUMNS, writeScoresCsv } from './write-scores-csv';

const definitions = DefinitionsV1Schema.parse(definitionsJson);
const hash = 'f'.repeat(64);
const score: ScoreRecord = {
  id: '3f1c8a52-8d7e-4b8e-9d59-0d4f6c1b2a01',
  dealKey: 'salesforce-lightning:acme:006Dn00000AbCdEIAV',
  rater: 'priya@acme.example',
  context: 'deal',
  deal: lightningSnapshot({ name: { text: 'Globex, "Renewal"', strategy: 'x' } }),
  definitions: { id: 'two-criteria', version: '2.1.0', hash },
  answers: [
    { criterionId: 'champion', level: 1, evidence: '=HYPERLINK("https://evil.example","click")' },
    { criterionId: 'metrics', level: null, evidence: 'line one\nline two' },
  ],
  total: 37.5,
  ceiling: 62.5,
  band: { id: 'low', label: 'Unqualified' },
  savedAt: '2026-11-20T09:01:00.000Z',
};

describe('writeScoresCsv', () => {
  const csv = writeScoresCsv([score], new Map([[hash, definitions]]));

  it('starts with a UTF-8 byte-order mark and uses CRLF', () => {
    expect(csv.startsWith('\uFEFF"score_id","deal"')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(4);
  });

  it('writes one row per score and criterion that reads back exactly', () => {
    const parsed = parseCsv(csv);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const [header, champion, metrics] = parsed.value;
    expect(header!.fields).toEqual([...SCORES_CSV_COLUMNS]);
    const row = (fields: string[]) => Object.fromEntries(SCORES_CSV_COLUMNS.map((c, i) => [c, fields[i]]));
    expect(row(champion!.fields)).toMatchObject({
      deal_name: 'Globex, "Renewal"',
      criterion: 'champion',
      level: '1',
      level_label: 'Coach',
      scored_at: '2026-11-20T09:01:00.000Z',
      evidence: `'=HYPERLINK("https://evil.example","click")`,
    });
    expect(row(metrics!.fields)).toMatchObject({
      level: '',
      level_label: 'Unknown',
      evidence: 'line one\nline two',
    });
  });

  it('names raters the Salesforce org verified, and leaves self-declared ones empty', () => {
    const orgRater = { userId: '0055g00000Rep01AAB', name: 'Priya Raman', orgId: '00D5g000004abcDEAQ' };
    const parsed = parseCsv(writeScoresCsv([score, { ...score, id: 'x', orgRater }], new Map()));
    if (!parsed.ok) throw new Error('unparsable');
    const column = SCORES_CSV_COLUMNS.indexOf('rater_verified');
    expect(parsed.value.slice(1).map((line) => line.fields[column])).toEqual([
      '',
      '',
      'salesforce:0055g00000Rep01AAB',
      'salesforce:0055g00000Rep01AAB',
    ]);
  });

  it('neutralises every formula-like cell', () => {
    for (const cell of ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\t=x'])
      expect(neutraliseFormula(cell)).toBe(`'${cell}`);
    expect(neutraliseFormula('Champion')).toBe('Champion');
  });

  it('neutralises formulas behind white space and full-width or small lookalikes (OWASP, after trimming)', () => {
    const formulas = [
      ' =HYPERLINK("https://evil.example","x")',
      '\n=1+1',
      '\r\n+1',
      '\u3000@SUM(1)',
      '＝HYPERLINK("https://evil.example")',
      '＋1',
      '－1',
      '＠cmd',
      '﹦1+1',
      '\r=1',
    ];
    for (const cell of formulas) expect(neutraliseFormula(cell)).toBe(`'${cell}`);
    for (const cell of ['Champion', ' plain text', 'a=b', '1-2']) expect(neutraliseFormula(cell)).toBe(cell);
  });

  it('writes level and total as plain numbers: a level of -1 stays -1', () => {
    const negative: ScoreRecord = {
      ...score,
      answers: [{ criterionId: 'champion', level: -1, evidence: ' =HYPERLINK("https://evil.example")' }],
      total: 0,
    };
    const parsed = parseCsv(writeScoresCsv([negative], new Map()));
    if (!parsed.ok) throw new Error(parsed.error.message);
    const row = Object.fromEntries(SCORES_CSV_COLUMNS.map((c, i) => [c, parsed.value[1]!.fields[i]]));
    expect(row).toMatchObject({ level: '-1', total: '0', evidence: `' =HYPERLINK("https://evil.example")` });
    expect(writeScoresCsv([negative], new Map())).toContain(',"champion",-1,"",');
  });
});
