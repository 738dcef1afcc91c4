import { formatImportError } from './import-problem';
import { readRatingsCsv } from './read-ratings-csv';

const problems = (text: string) => {
  const result = readRatingsCsv('r.csv', text);
  if (result.ok) throw new Error('expected the file to be refused');
  return formatImportError(result.error);
};

describe('readRatingsCsv', () => {
  it('reads the long format; an empty level is Unknown', () => {
    const result = readRatingsCsv(
      'r.csv',
      'Deal,Rater,Criterion,Level,scored_at,context,definitions_version\nd1,ann,champion,2,2024-03-01,calibration,v2\nd1,ann,metrics,,2024-03-01T10:00:00+02:00,,\n',
    );
    expect(result).toEqual({
      ok: true,
      value: [
        {
          line: 2,
          levelColumn: 17,
          criterionColumn: 8,
          deal: 'd1',
          rater: 'ann',
          criterion: 'champion',
          level: 2,
          scoredAt: Date.UTC(2024, 2, 1),
          context: 'calibration',
          definitionsVersion: 'v2',
        },
        {
          line: 3,
          levelColumn: 16,
          criterionColumn: 8,
          deal: 'd1',
          rater: 'ann',
          criterion: 'metrics',
          level: null,
          scoredAt: Date.UTC(2024, 2, 1, 8),
          context: 'deal',
          definitionsVersion: null,
        },
      ],
    });
  });

  it('names file, line and column of a non-numeric level, and imports nothing', () => {
    expect(problems('deal,rater,criterion,level\nd1,ann,champion,2\nd2,ann,champion,two\n')).toEqual([
      'r.csv:3:17: level "two" is not a number (leave the cell empty for Unknown)',
    ]);
  });

  it('names a missing column, a duplicate header and an unknown column', () => {
    expect(problems('deal,rater,level\nd1,ann,2\n')).toEqual([
      'r.csv:1: missing column "criterion" (the header has: deal, rater, level)',
    ]);
    expect(problems('deal,rater,criterion,level,Rater\n')).toEqual([
      'r.csv:1:28: duplicate header "Rater" (also column 2)',
    ]);
    expect(problems('deal,rater,criterion,level,scored-at\n')[0]).toMatch(
      /^r\.csv:1:28: unknown column "scored-at"/,
    );
  });

  it('hints at a semicolon-separated file', () => {
    expect(problems('deal;rater;criterion;level\nd1;ann;x;1\n')).toEqual([
      'r.csv:1:1: the header is semicolon-separated ("deal;rater;criterion;level"): save the file as comma-separated CSV',
    ]);
  });

  it('checks field counts, dates and contexts', () => {
    expect(
      problems(
        'deal,rater,criterion,level,scored_at,context\nd1,ann,x,1\nd1,ann,x,1,2024-02-30,deal\nd1,ann,x,1,,review\n',
      ),
    ).toEqual([
      'r.csv:2: expected 6 fields like the header, found 4',
      'r.csv:3:12: scored_at "2024-02-30" is not an ISO 8601 date or date-time (e.g. 2024-03-01 or 2024-03-01T09:30:00Z)',
      'r.csv:4:13: context "review" must be deal or calibration (or empty for deal)',
    ]);
  });

  it('lists at most 20 problems and counts the rest', () => {
    const rows = Array.from({ length: 25 }, (_, i) => `d${i},ann,x,bad`).join('\n');
    const lines = problems(`deal,rater,criterion,level\n${rows}\n`);
    expect(lines).toHaveLength(21);
    expect(lines.at(-1)).toBe('r.csv: … and 5 more problems');
  });
});
