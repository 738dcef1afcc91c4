import { readFileSync } from 'node:fs';
import path from 'node:path';
import { toCanonicalJson } from '../definitions/canonical-json';
import { bundleChecksum } from './bundle-checksum';
import type { Bundle } from './bundle-format';
import { formatImportError } from './import-problem';
import { readBundle } from './read-bundle';
import { bundleToJson, bundleToNdjson, createBundle } from './write-bundle';

const fixture = (name: string) =>
  readFileSync(path.join(__dirname, '../../tests/fixtures/audit', name), 'utf8');
const alice = (): Bundle => JSON.parse(fixture('pipeline-alice.json')) as Bundle;

async function refused(name: string, text: string): Promise<string[]> {
  const result = await readBundle(name, text);
  if (result.ok) throw new Error('expected the bundle to be refused');
  return formatImportError(result.error);
}

/** Re-signs edited content, so that a test reaches the check after the checksum. */
async function resign(bundle: Bundle): Promise<Bundle> {
  return { ...bundle, checksum: { algorithm: 'SHA-256', value: await bundleChecksum(bundle) } };
}

describe('bundle round trip', () => {
  it('reads what it writes, in JSON and NDJSON, with one checksum for both', async () => {
    const source = alice();
    const bundle = await createBundle({
      rater: 'alice',
      exportedAt: new Date(source.exportedAt),
      scores: source.scores,
      definitions: [source.definitions[0]!.document!],
    });
    expect(bundle.checksum).toEqual(source.checksum);
    const json = await readBundle('a.json', bundleToJson(bundle));
    const ndjson = await readBundle('a.ndjson', bundleToNdjson(bundle));
    expect(json.ok && json.value.encoding).toBe('json');
    expect(ndjson.ok && ndjson.value.encoding).toBe('ndjson');
    expect(json.ok && toCanonicalJson(json.value.bundle)).toBe(toCanonicalJson(bundle));
    expect(ndjson.ok && toCanonicalJson(ndjson.value.bundle)).toBe(toCanonicalJson(bundle));
  });

  it('accepts reformatting (whitespace, key order) but not a changed value', async () => {
    const bundle = alice();
    const reordered = JSON.stringify(JSON.parse(toCanonicalJson(bundle)), null, 4);
    expect((await readBundle('a.json', reordered)).ok).toBe(true);
    bundle.scores[3]!.total = 99;
    const lines = await refused('a.json', JSON.stringify(bundle, null, 2));
    expect(lines[0]).toMatch(
      /^a\.json:\d+:\d+: wrong checksum: the content hashes to [0-9a-f]{64}, the bundle says [0-9a-f]{64}/,
    );
  });

  it('locates a wrong type by line and path', async () => {
    const bundle = alice();
    (bundle.scores[2]!.answers[0] as { level: unknown }).level = 'two';
    const text = JSON.stringify(await resign(bundle), null, 2);
    const [line] = await refused('a.json', text);
    const expectedLine = text.split('\n').findIndex((l) => l.includes('"level": "two"')) + 1;
    expect(line).toMatch(
      new RegExp(`^a\\.json:${expectedLine}:\\d+: scores\\[2\\]\\.answers\\[0\\]\\.level: `),
    );
  });

  it('refuses another format version, naming it', async () => {
    const lines = await refused('a.json', JSON.stringify({ ...alice(), formatVersion: 2 }));
    expect(lines).toEqual([
      'a.json:1:30: bundle format version 2 is not supported: this Yardstick reads version 1 (the bundle comes from a newer Yardstick)',
    ]);
    expect((await refused('x.json', '{"hello":1}'))[0]).toMatch(/not a Yardstick bundle/);
  });

  it('refuses truncated files in both encodings', async () => {
    const json = fixture('pipeline-alice.json');
    expect((await refused('a.json', json.slice(0, 5000)))[0]).toMatch(
      /^a\.json:\d+:\d+: the JSON ends early/,
    );
    const ndjson = fixture('pipeline-bob.ndjson').trimEnd().split('\n');
    expect(await refused('b.ndjson', ndjson.slice(0, -1).join('\n'))).toEqual([
      `b.ndjson:${ndjson.length - 1}: the last line is not the checksum line: the file is truncated or was cut`,
    ]);
    const cut = ndjson.slice(0, 5).join('\n') + '\n' + ndjson[5]!.slice(0, 40);
    expect((await refused('b.ndjson', cut))[0]).toMatch(/^b\.ndjson:6:\d+: /);
  });

  it('refuses an NDJSON score line changed after export, naming the checksum line', async () => {
    const lines = fixture('pipeline-bob.ndjson').trimEnd().split('\n');
    lines[3] = lines[3]!.replace('"total":', '"total":1');
    const problems = await refused('b.ndjson', lines.join('\n'));
    expect(
      problems.some((p) => p.startsWith(`b.ndjson:${lines.length}:`) && p.includes('wrong checksum')),
    ).toBe(true);
  });

  it('refuses duplicate ids with different content, a foreign rater and unknown levels', async () => {
    const bundle = alice();
    bundle.scores[1] = { ...bundle.scores[1]!, id: bundle.scores[0]!.id };
    bundle.scores[2] = { ...bundle.scores[2]!, rater: 'mallory' };
    bundle.scores[4]!.answers[1]!.level = 7;
    const problems = await refused('a.json', JSON.stringify(await resign(bundle), null, 2));
    expect(problems.some((p) => p.includes('is used twice with different content'))).toBe(true);
    expect(problems.some((p) => p.includes('score by "mallory" in a bundle of rater "alice"'))).toBe(true);
    expect(problems.some((p) => p.includes('level 7 is not a level of "metrics" (levels: 1, 5, 10)'))).toBe(
      true,
    );
  });

  it('keeps one copy of an exact duplicate score', async () => {
    const bundle = alice();
    bundle.scores.push(structuredClone(bundle.scores[0]!));
    const result = await readBundle('a.json', JSON.stringify(await resign(bundle)));
    expect(result.ok && result.value.bundle.scores.length).toBe(bundle.scores.length - 1);
  });

  it('refuses a definitions document that does not match its hash', async () => {
    const bundle = alice();
    bundle.definitions[0]!.document!.title = 'Edited';
    const problems = await refused('a.json', JSON.stringify(await resign(bundle)));
    expect(problems[0]).toMatch(/the document hashes to [0-9a-f]{64}, not the listed/);
  });
});
