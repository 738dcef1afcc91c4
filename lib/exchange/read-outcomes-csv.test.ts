import { formatImportError } from './import-problem';
import { readOutcomesCsv } from './read-outcomes-csv';

describe('readOutcomesCsv', () => {
  it('reads outcomes and keeps extra columns as segments', () => {
    const result = readOutcomesCsv(
      'o.csv',
      'deal,Outcome,Lead Source,region\nd1,Won,web,emea\nd2,lost,"partner, EU",amer\nd1,won,web,emea\n',
    );
    expect(result).toEqual({
      ok: true,
      value: {
        segmentColumns: ['Lead Source', 'region'],
        rows: [
          { line: 2, deal: 'd1', won: true, segments: { 'Lead Source': 'web', region: 'emea' } },
          { line: 3, deal: 'd2', won: false, segments: { 'Lead Source': 'partner, EU', region: 'amer' } },
        ],
      },
    });
  });

  it('refuses an outcome other than won or lost, naming line and column', () => {
    const result = readOutcomesCsv('o.csv', 'deal,outcome\nd1,won\nd2,open\n');
    if (result.ok) throw new Error('expected a refusal');
    expect(formatImportError(result.error)).toEqual([
      'o.csv:3:4: outcome "open" must be won or lost (open deals do not belong in the outcomes file)',
    ]);
  });

  it('refuses a deal listed twice with different outcomes, and a duplicate header', () => {
    const twice = readOutcomesCsv('o.csv', 'deal,outcome\nd1,won\nd1,lost\n');
    expect(!twice.ok && formatImportError(twice.error)).toEqual([
      'o.csv:3: deal "d1" is listed again with different values (first at line 2)',
    ]);
    const header = readOutcomesCsv('o.csv', 'deal,outcome,region,REGION\n');
    expect(!header.ok && formatImportError(header.error)).toEqual([
      'o.csv:1:21: duplicate header "REGION" (also column 3)',
    ]);
  });
});
