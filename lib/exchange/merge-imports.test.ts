import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDefinitions } from '../definitions/parse-definitions';
import { formatImportError } from './import-problem';
import { mergeImports } from './merge-imports';
import { readImportFile, type ImportedFile } from './read-import-file';

const dir = path.join(__dirname, '../../tests/fixtures/audit');
const fixture = (name: string) => readFileSync(path.join(dir, name), 'utf8');
const definitions = (() => {
  const parsed = parseDefinitions(fixture('two-criteria.json'));
  if (!parsed.ok) throw new Error(parsed.error.summary);
  return parsed.value;
})();

async function read(name: string, text = fixture(name)): Promise<ImportedFile> {
  const result = await readImportFile(name, text);
  if (!result.ok) throw new Error(formatImportError(result.error).join('\n'));
  return result.value;
}

describe('mergeImports', () => {
  it('merges bundles, a ratings CSV and outcomes; resolves 15-character ids to deal keys', async () => {
    const files = await Promise.all(
      [
        'pipeline-alice.json',
        'pipeline-bob.ndjson',
        'pipeline-carol-ratings.csv',
        'pipeline-outcomes.csv',
      ].map((name) => read(name)),
    );
    const merged = mergeImports(files, { definitions });
    if (!merged.ok) throw new Error(merged.error.flatMap(formatImportError).join('\n'));
    const { input, summary } = merged.value;
    expect(summary.files.map((f) => [f.file, f.kind, f.scores, f.outcomes])).toEqual([
      ['pipeline-alice.json', 'bundle', 51, 0],
      ['pipeline-bob.ndjson', 'bundle', 51, 0],
      ['pipeline-carol-ratings.csv', 'ratings', 44, 0],
      ['pipeline-outcomes.csv', 'outcomes', 0, 30],
    ]);
    expect(input.scores).toHaveLength(146);
    expect(input.outcomes.every((o) => o.deal.startsWith('salesforce-lightning:acme:006Dn'))).toBe(true);
    expect(input.criteria).toEqual(['champion', 'metrics']);
    expect(input.bands?.map((b) => b.id)).toEqual(['low', 'mid', 'high']);
    // CSV totals are computed with the definitions exactly as the extension computes them.
    const carol = input.scores.find((s) => s.rater === 'carol' && s.answers.some((a) => a.level === 2))!;
    expect(carol.total).not.toBeNull();
  });

  it('changes nothing when the same files are imported twice', async () => {
    const once = mergeImports([await read('pipeline-alice.json'), await read('pipeline-carol-ratings.csv')]);
    const twice = mergeImports([
      await read('pipeline-alice.json'),
      await read('pipeline-carol-ratings.csv'),
      await read('pipeline-alice.json'),
      await read('pipeline-carol-ratings.csv'),
    ]);
    if (!once.ok || !twice.ok) throw new Error('expected both merges to succeed');
    expect(twice.value.input.scores).toEqual(once.value.input.scores);
    expect(twice.value.summary.duplicates).toBe(51 + 88);
  });

  it('refuses only the bundle that reuses a score id with other content, naming both, and audits the rest', async () => {
    const first = await read('pipeline-alice.json');
    if (first.kind !== 'bundle') throw new Error('expected a bundle');
    const scores = [...first.bundle.scores];
    scores[0] = { ...scores[0]!, total: scores[0]!.total + 1 };
    const second: ImportedFile = { ...first, file: 'copy.json', bundle: { ...first.bundle, scores } };
    const carol = await read('pipeline-carol-ratings.csv');
    const merged = mergeImports([first, second, carol]);
    if (!merged.ok) throw new Error(merged.error.flatMap(formatImportError).join('\n'));
    const { summary, input } = merged.value;
    expect(summary.refused.map((r) => r.index)).toEqual([1]);
    expect(summary.refused[0]!.error.summary).toBe(
      'copy.json: 1 score shares an id with a different score in pipeline-alice.json; nothing was imported from copy.json, the other files were audited',
    );
    expect(formatImportError(summary.refused[0]!.error)[0]).toMatch(
      /^copy\.json:\d+:\d+: score 00000000-0000-4000-8000-000000000001 differs from the score with the same id at pipeline-alice\.json:\d+$/,
    );
    expect(summary.files.map((f) => f.file)).toEqual(['pipeline-alice.json', 'pipeline-carol-ratings.csv']);
    expect(input.scores).toHaveLength(51 + 44);
  });

  it('refuses CSV ratings that contradict each other, and levels not in the definitions', async () => {
    const a = await read('a.csv', 'deal,rater,criterion,level\nd1,ann,champion,2\n');
    const b = await read('b.csv', 'deal,rater,criterion,level\nd0,ann,champion,1\nd1,ann,champion,1\n');
    const conflict = mergeImports([a, b]);
    expect(!conflict.ok && conflict.error.flatMap(formatImportError)).toEqual([
      'b.csv:3:17: conflicting rating: ann rated "champion" of d1 1 here and 2 at a.csv:2',
    ]);
    const c = await read('c.csv', 'deal,rater,criterion,level\nd1,ann,champion,5\nd1,ann,budget,1\n');
    const checked = mergeImports([c], { definitions });
    expect(!checked.ok && checked.error.flatMap(formatImportError)).toEqual([
      'c.csv:2:17: level 5 is not a level of "champion" (levels: 0, 1, 2)',
      'c.csv:3:8: criterion "budget" is not in two-criteria@2.1.0',
    ]);
  });

  it('computes equal-weight totals for CSV scores without definitions', async () => {
    const csv = await read(
      'r.csv',
      'deal,rater,criterion,level\nd1,ann,x,0\nd1,ann,y,10\nd2,ann,x,4\nd2,ann,y,\n',
    );
    const merged = mergeImports([csv]);
    if (!merged.ok) throw new Error('merge failed');
    // x spans 0–4 and y only 10 (no range, left out): d1 = 0 %, d2 = 100 %.
    expect(merged.value.input.scores.map((s) => s.total)).toEqual([0, 100]);
  });
});
