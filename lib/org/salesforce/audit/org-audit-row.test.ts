import { describe, expect, it } from 'vitest';
import { SCORE_FIELDS } from '../score-object';
import { rowsFromCsv, rowsFromRestRecords, withoutEvidence } from './org-audit-row';

const COLUMNS = ['Id', 'Owner.Name', SCORE_FIELDS.answers, 'Opportunity__r.IsWon'];

describe('org audit rows', () => {
  it('flattens REST records to their columns, null for empty or missing values', () => {
    const rows = rowsFromRestRecords(
      [
        { Id: 'a01', Owner: { Name: 'Ann' }, Opportunity__r: { IsWon: true } },
        { Id: 'a02', Owner: null, [SCORE_FIELDS.answers]: '' },
      ],
      COLUMNS,
    );
    expect(rows).toEqual([
      { Id: 'a01', 'Owner.Name': 'Ann', [SCORE_FIELDS.answers]: null, 'Opportunity__r.IsWon': 'true' },
      { Id: 'a02', 'Owner.Name': null, [SCORE_FIELDS.answers]: null, 'Opportunity__r.IsWon': null },
    ]);
  });

  it('maps CSV fields by header, whatever its case and order, and names missing columns', () => {
    const header = ['opportunity__r.iswon', 'ID', 'Owner.Name', SCORE_FIELDS.answers];
    expect(rowsFromCsv(header, [['false', 'a01', '', '[]']], COLUMNS)).toEqual({
      ok: true,
      rows: [
        { Id: 'a01', 'Owner.Name': null, [SCORE_FIELDS.answers]: '[]', 'Opportunity__r.IsWon': 'false' },
      ],
    });
    expect(rowsFromCsv(['Id'], [], COLUMNS)).toEqual({
      ok: false,
      missing: ['Owner.Name', SCORE_FIELDS.answers, 'Opportunity__r.IsWon'],
    });
  });

  it('keeps answers without their evidence text, on both paths, and leaves unreadable answers as written', () => {
    const answers = JSON.stringify([{ criterionId: 'champion', level: 2, evidence: 'a long note' }]);
    const csv = rowsFromCsv(
      COLUMNS,
      [
        ['a01', 'Ann', answers, 'true'],
        ['a02', 'Ann', 'not json', ''],
      ],
      COLUMNS,
    );
    const rest = rowsFromRestRecords([{ Id: 'a03', [SCORE_FIELDS.answers]: answers }], COLUMNS);
    const expected = '[{"criterionId":"champion","level":2}]';
    expect(csv.ok && csv.rows.map((row) => row[SCORE_FIELDS.answers])).toEqual([expected, 'not json']);
    expect(rest[0]![SCORE_FIELDS.answers]).toBe(expected);
    expect(withoutEvidence('{"not":"a list"}')).toBeNull();
  });

  it('gives rows of a page independent values though repeated texts are shared', () => {
    const csv = rowsFromCsv(
      COLUMNS,
      [
        ['a01', 'Ann', '[]', 'true'],
        ['a02', 'Ann', '[]', 'true'],
      ],
      COLUMNS,
    );
    expect(csv.ok && csv.rows.map((row) => [row.Id, row['Owner.Name']])).toEqual([
      ['a01', 'Ann'],
      ['a02', 'Ann'],
    ]);
  });
});
