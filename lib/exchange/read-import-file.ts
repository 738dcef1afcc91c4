import { err, ok, type Result } from '../result';
import { singleProblem, type ImportError } from './import-problem';
import { readBundle, type ImportedBundle } from './read-bundle';
import { readOutcomesCsv, type OutcomeRow } from './read-outcomes-csv';
import { readRatingsCsv, type RatingRow } from './read-ratings-csv';

/** A ratings CSV, read whole. */
export interface ImportedRatings {
  kind: 'ratings';
  file: string;
  rows: RatingRow[];
}

/** An outcomes CSV, read whole. */
export interface ImportedOutcomes {
  kind: 'outcomes';
  file: string;
  rows: OutcomeRow[];
  segmentColumns: string[];
}

/** Any file the audit reads. */
export type ImportedFile = ImportedBundle | ImportedRatings | ImportedOutcomes;

/** The kinds of file {@link readImportFile} recognises. */
export type ImportKind = ImportedFile['kind'];

/**
 * Recognises and reads one file: a bundle (text starting with `{`), an outcomes CSV (header with
 * an `outcome` column) or a ratings CSV (header with `criterion` or `level`). Refuses anything else.
 */
export async function readImportFile(file: string, text: string): Promise<Result<ImportedFile, ImportError>> {
  // An empty file has no header to tell its kind: say so rather than read it as some kind.
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    return err(
      singleProblem(file, {
        message: `the file is empty: expected ${EXPECTED_KINDS}`,
      }),
    );
  }
  const kind = detectImportKind(text);
  if (kind === 'bundle') return readBundle(file, text);
  if (kind === 'outcomes') {
    const read = readOutcomesCsv(file, text);
    return read.ok ? ok({ kind, file, ...read.value }) : read;
  }
  if (kind === 'ratings') {
    const read = readRatingsCsv(file, text);
    return read.ok ? ok({ kind, file, rows: read.value }) : read;
  }
  return err(
    singleProblem(file, {
      line: 1,
      message: `not a file the audit reads: expected ${EXPECTED_KINDS}`,
    }),
  );
}

const EXPECTED_KINDS =
  'a Yardstick bundle (JSON or NDJSON), a ratings CSV (deal,rater,criterion,level) or an outcomes CSV (deal,outcome)';

/** Guesses a file's kind from its first characters and header line; null when it is none of them or empty. */
export function detectImportKind(text: string): ImportKind | null {
  const body = text.replace(/^\uFEFF/, '');
  const start = body.trimStart();
  if (start.startsWith('{')) return 'bundle';
  if (start === '') return null;
  const end = body.search(/\r|\n/);
  const header = (end < 0 ? body : body.slice(0, end))
    .split(/[,;\t]/)
    .map((name) => name.trim().replace(/^"|"$/g, '').trim().toLowerCase());
  if (header.includes('outcome')) return 'outcomes';
  if (header.includes('criterion') || header.includes('level')) return 'ratings';
  return null;
}
