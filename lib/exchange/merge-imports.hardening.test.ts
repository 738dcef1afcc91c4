import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runAuditCli } from '../audit/audit-cli';
import { bundleChecksum } from './bundle-checksum';
import { formatImportError } from './import-problem';
import { mergeImports } from './merge-imports';
import { mergeWarningLines, SELF_DECLARED_NOTE } from './merge-warnings';
import { readImportFile, type ImportedFile } from './read-import-file';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const dir = path.join(__dirname, '../../tests/fixtures/audit');
const fixture = (name: string) => readFileSync(path.join(dir, name), 'utf8');

async function read(name: string, text: string): Promise<ImportedFile> {
  const result = await readImportFile(name, text);
  if (!result.ok) throw new Error(formatImportError(result.error).join('\n'));
  return result.value;
}

/** The alice bundle edited and re-checksummed, as anyone with a text editor and sha256sum can. */
async function forgedAlice(edit: (bundle: Json) => void): Promise<string> {
  const bundle = JSON.parse(fixture('pipeline-alice.json')) as Json;
  edit(bundle);
  bundle.checksum = { algorithm: 'SHA-256', value: await bundleChecksum(bundle) };
  return JSON.stringify(bundle, null, 2);
}

function merged(files: ImportedFile[]) {
  const result = mergeImports(files);
  if (!result.ok) throw new Error(result.error.flatMap(formatImportError).join('\n'));
  return result.value;
}

describe('item 8: totals in a file are not trusted', () => {
  it('recomputes totals a re-checksummed bundle forged, flags each, and the audit does not move', async () => {
    const honest = merged([await read('alice.json', fixture('pipeline-alice.json'))]);
    const forged = merged([
      await read(
        'alice.json',
        await forgedAlice((b) => {
          for (const score of b.scores) score.total = 100;
        }),
      ),
    ]);
    expect(forged.input.scores.map((s) => s.total)).toEqual(honest.input.scores.map((s) => s.total));
    const totals = forged.summary.warnings.filter((w) => /total 100 recorded/.test(w));
    expect(totals.length).toBe(honest.input.scores.filter((s) => s.total !== 100).length);
    expect(totals[0]).toMatch(
      /^alice\.json:\d+: score [0-9a-f-]{36}: total 100 recorded, [\d.]+ from its answers/,
    );
    expect(honest.summary.warnings).toEqual([]);
  });

  it('all answers Unknown with total 100: total 0, ceiling and band flagged too', async () => {
    const text = await forgedAlice((b) => {
      b.scores = [b.scores[0]];
      for (const answer of b.scores[0].answers) answer.level = null;
      b.scores[0].total = 100;
      b.scores[0].ceiling = 50;
      b.scores[0].band = { id: 'high', label: 'Qualified' };
    });
    const { input, summary } = merged([await read('alice.json', text)]);
    expect(input.scores[0]!.total).toBe(0);
    expect(summary.warnings).toHaveLength(1);
    expect(summary.warnings[0]).toMatch(
      /total 100 recorded, 0 from its answers; ceiling 50 recorded, 100 from its answers; band "Qualified" recorded, "[^"]+" from its answers$/,
    );
  });

  it('the CLI report is the same with forged totals, warns, and says names and roles are self-declared', async () => {
    const forged = await forgedAlice((b) => {
      for (const score of b.scores) score.total = 100;
    });
    const files: Record<string, string> = {
      'alice.json': fixture('pipeline-alice.json'),
      'forged.json': forged,
      'outcomes.csv': fixture('pipeline-outcomes.csv'),
    };
    const io = {
      readFile: async (file: string) => new TextEncoder().encode(files[file]!),
      now: () => new Date('2024-06-15T00:00:00Z'),
    };
    const honest = await runAuditCli(['--json', 'alice.json', 'outcomes.csv'], io);
    const lied = await runAuditCli(['--json', 'forged.json', 'outcomes.csv'], io);
    const { inputs: honestInputs, ...honestReport } = JSON.parse(honest.stdout) as Json;
    const { inputs: liedInputs, ...liedReport } = JSON.parse(lied.stdout) as Json;
    expect(liedReport).toEqual(honestReport);
    expect(liedInputs.selfDeclared).toBe(true);
    expect(liedInputs.warnings[0]).toBe(SELF_DECLARED_NOTE);
    expect(liedInputs.warnings.length).toBeGreaterThan(honestInputs.warnings.length);
    const text = await runAuditCli(['forged.json', 'outcomes.csv'], io);
    expect(text.stdout).toContain(`Warning: ${SELF_DECLARED_NOTE}`);
    expect(text.stdout).toMatch(/Warning: forged\.json:\d+: score .*: total 100 recorded/);
  });
});

describe('item 10: files from the real world', () => {
  const header = 'deal,rater,criterion,level';
  it('one name in NFC and in NFD (as macOS writes it) is one rater', async () => {
    const nfc = 'Jos\u00e9 D\u00edaz';
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    const { input, summary } = merged([
      await read('windows.csv', `${header}\nd1,${nfc},champion,2\n`),
      await read('mac.csv', `${header}\nd2,${nfd},champion,1\n`),
    ]);
    expect(new Set(input.scores.map((s) => s.rater))).toEqual(new Set([nfc]));
    expect(summary.warnings).toEqual([]);
  });

  it('warns about names that differ only in case, accents or spaces, and still counts them apart', async () => {
    const { input, summary } = merged([
      await read('a.csv', `${header}\nd1,José Díaz,champion,2\nd1,Ann Lee,champion,1\n`),
      await read('b.csv', `${header}\nd2,jose  diaz,champion,1\nd2,Bob,champion,1\n`),
    ]);
    expect(new Set(input.scores.map((s) => s.rater)).size).toBe(4);
    expect(summary.warnings).toEqual([
      'raters "José Díaz", "jose  diaz" differ only in case, accents or spaces and may be one person; they are counted as 2 raters (write the name one way in every file to merge them)',
    ]);
  });

  it('a CSV with classic-Mac CR line ends: line and column of a problem are right', async () => {
    const text = `${header}\rd1,ann,champion,2\rd1,bob,champion,high\r`;
    const result = await readImportFile('mac.csv', text);
    expect(!result.ok && formatImportError(result.error)).toEqual([
      'mac.csv:3:17: level "high" is not a number (leave the cell empty for Unknown)',
    ]);
    const quoted = `${header}\r"d1\rcontinued",ann,champion,2\rd2,bob,champion,x\r`;
    const second = await readImportFile('mac.csv', quoted);
    expect(!second.ok && formatImportError(second.error)).toEqual([
      'mac.csv:4:17: level "x" is not a number (leave the cell empty for Unknown)',
    ]);
  });

  it('an empty outcomes file is not taken for a ratings file', async () => {
    for (const text of ['', '\uFEFF', '\r\n\r\n']) {
      const result = await readImportFile('outcomes.csv', text);
      expect(!result.ok && formatImportError(result.error)).toEqual([
        'outcomes.csv: the file is empty: expected a Yardstick bundle (JSON or NDJSON), a ratings CSV (deal,rater,criterion,level) or an outcomes CSV (deal,outcome)',
      ]);
    }
  });

  it('"criterion … is not in" points at the criterion cell, in CSVs and bundles', async () => {
    const { parseDefinitions } = await import('../definitions/parse-definitions');
    const parsed = parseDefinitions(fixture('two-criteria.json'));
    if (!parsed.ok) throw new Error(parsed.error.summary);
    const csv = await read('c.csv', `${header}\nd1,ann,budget,1\n`);
    const result = mergeImports([csv], { definitions: parsed.value });
    expect(!result.ok && result.error.flatMap(formatImportError)).toEqual([
      'c.csv:2:8: criterion "budget" is not in two-criteria@2.1.0',
    ]);
  });
});

describe('item 12: one conflicting bundle does not refuse the whole audit', () => {
  it('refuses the later conflicting bundle, names both, audits the rest (CLI exit 3)', async () => {
    const conflicting = await forgedAlice((b) => {
      b.scores[0].answers[0].evidence = 'edited later';
    });
    const files: Record<string, string> = {
      'alice.json': fixture('pipeline-alice.json'),
      'alice-edited.json': conflicting,
      'bob.ndjson': fixture('pipeline-bob.ndjson'),
      'outcomes.csv': fixture('pipeline-outcomes.csv'),
    };
    const io = {
      readFile: async (file: string) => new TextEncoder().encode(files[file]!),
      now: () => new Date('2024-06-15T00:00:00Z'),
    };
    const result = await runAuditCli(['--json', ...Object.keys(files)], io);
    expect(result.exitCode).toBe(3);
    expect(result.stderr).toMatch(
      /^alice-edited\.json: 1 score shares an id with a different score in alice\.json; nothing was imported from alice-edited\.json, the other files were audited\nalice-edited\.json:\d+:\d+: score [0-9a-f-]{36} differs from the score with the same id at alice\.json:\d+\n$/,
    );
    const report = JSON.parse(result.stdout) as Json;
    expect(report.inputs.files.map((f: Json) => f.file)).toEqual([
      'alice.json',
      'bob.ndjson',
      'outcomes.csv',
    ]);
    expect(report.inputs.scores).toBe(102);
    expect(report.inputs.refused).toHaveLength(1);
    expect(mergeWarningLines(null)).toEqual([]);
  });
});
