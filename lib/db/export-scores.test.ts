// @vitest-environment node
import 'fake-indexeddb/auto';
import '../zod-jitless';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readBundle } from '../exchange/read-bundle';
import { bundleToJson, bundleToNdjson } from '../exchange/write-bundle';
import { exportScoresBundle, exportScoresCsv } from './export-scores';
import { YardstickDatabase } from './yardstick-database';

const fixture = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../tests/fixtures/db/schema-v1.json'), 'utf8'),
) as { tables: Record<string, unknown[]> };

async function seededDatabase(): Promise<YardstickDatabase> {
  const db = new YardstickDatabase(`export-${Math.random()}`);
  await db.transaction('rw', db.tables, async () => {
    for (const [table, rows] of Object.entries(fixture.tables)) await db.table(table).bulkAdd(rows);
  });
  return db;
}

describe('exportScoresBundle', () => {
  it('exports every score with the full definitions documents, and reads back with a valid checksum', async () => {
    const db = await seededDatabase();
    const { bundle, otherRatersScores } = await exportScoresBundle(
      db,
      'priya@acme.example',
      new Date('2026-11-22T12:00:00Z'),
    );
    expect(bundle.scores.map((s) => s.id)).toEqual(['3f1c8a52-8d7e-4b8e-9d59-0d4f6c1b2a01']);
    expect(otherRatersScores).toBe(1);
    expect(bundle.definitions).toHaveLength(1);
    expect(bundle.definitions[0]!.document?.id).toBe('two-criteria');
    for (const text of [bundleToJson(bundle), bundleToNdjson(bundle)]) {
      const read = await readBundle('export', text);
      expect(read.ok ? 'ok' : read.error).toBe('ok');
      if (read.ok) expect(read.value.bundle.scores).toEqual(bundle.scores);
    }
  });

  it('exports an empty database as a valid bundle with no scores', async () => {
    const db = new YardstickDatabase(`export-empty-${Math.random()}`);
    const { bundle } = await exportScoresBundle(db, 'nobody', new Date());
    expect(bundle.scores).toEqual([]);
    expect((await readBundle('empty', bundleToJson(bundle))).ok).toBe(true);
  });
});

describe('exportScoresCsv', () => {
  it('writes a row per score and criterion with level labels from the stored definitions', async () => {
    const db = await seededDatabase();
    const csv = await exportScoresCsv(db);
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(1 + 4);
    expect(lines[1]).toContain('"Coach"');
    expect(lines[2]).toContain('"Unknown"');
  });
});
