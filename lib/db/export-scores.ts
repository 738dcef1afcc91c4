import type { Definitions } from '../definitions/schema-v1';
import type { Bundle } from '../exchange/bundle-format';
import { createBundle } from '../exchange/write-bundle';
import { writeScoresCsv } from '../exchange/write-scores-csv';
import type { ScoreRecord } from '../scoring/score-record';
import type { YardstickDatabase } from './yardstick-database';

/** Reads every score, oldest first, with the definitions documents they were made against. */
async function readScoresWithDefinitions(
  db: YardstickDatabase,
): Promise<{ scores: ScoreRecord[]; definitionsByHash: Map<string, Definitions> }> {
  return db.transaction('r', db.scores, db.definitionsVersions, async () => {
    const scores = await db.scores.orderBy('savedAt').toArray();
    const hashes = [...new Set(scores.map((s) => s.definitions.hash))];
    const rows = await db.definitionsVersions.bulkGet(hashes);
    const definitionsByHash = new Map<string, Definitions>();
    rows.forEach((row) => row && definitionsByHash.set(row.hash, row.definitions));
    return { scores, definitionsByHash };
  });
}

/** What "Export my scores" produced, and how many local scores of other raters it left out. */
export interface ScoresExport {
  bundle: Bundle;
  otherRatersScores: number;
}

/**
 * Builds the "Export my scores" bundle: the rater's local scores, the definitions they used and a
 * checksum. A bundle is one rater's (the audit reads it so); scores saved under another rater name
 * on this browser are counted, not exported (a full backup keeps them).
 */
export async function exportScoresBundle(
  db: YardstickDatabase,
  rater: string,
  now: Date,
): Promise<ScoresExport> {
  const all = await readScoresWithDefinitions(db);
  const scores = all.scores.filter((s) => s.rater === rater);
  // One entry per definitions version, not per score: createBundle hashes each entry it is given.
  const firstOfEachHash = new Map(scores.map((s) => [s.definitions.hash, s.definitions]));
  const definitions = [...firstOfEachHash].map(([hash, ref]) => all.definitionsByHash.get(hash) ?? ref);
  const bundle = await createBundle({ rater, exportedAt: now, scores, definitions });
  return { bundle, otherRatersScores: all.scores.length - scores.length };
}

/** Builds the spreadsheet export: one row per score and criterion. */
export async function exportScoresCsv(db: YardstickDatabase): Promise<string> {
  const { scores, definitionsByHash } = await readScoresWithDefinitions(db);
  return writeScoresCsv(scores, definitionsByHash);
}
