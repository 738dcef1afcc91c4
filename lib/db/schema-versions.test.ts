// @vitest-environment node
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import '../zod-jitless';
import { ScoreRecordSchema } from '../scoring/score-record';
import { declareSchemaVersions, SCHEMA_VERSIONS } from './schema-versions';
import { YardstickDatabase } from './yardstick-database';

interface DatabaseFixture {
  schemaVersion: number;
  tables: Record<string, Record<string, unknown>[]>;
}

const fixtureFor = (version: number): DatabaseFixture =>
  JSON.parse(
    readFileSync(
      path.resolve(import.meta.dirname, `../../tests/fixtures/db/schema-v${version}.json`),
      'utf8',
    ),
  );

let counter = 0;

describe('database schema versions', () => {
  it('are numbered 1, 2, 3… without gaps, each with a fixture', () => {
    SCHEMA_VERSIONS.forEach((entry, index) => {
      expect(entry.version).toBe(index + 1);
      expect(fixtureFor(entry.version).schemaVersion).toBe(entry.version);
    });
  });

  it.each(SCHEMA_VERSIONS.map((v) => [v.version] as const))(
    'a database written at version %i opens with the current code and every record survives exactly',
    async (version) => {
      const name = `migration-${version}-${++counter}`;
      const fixture = fixtureFor(version);
      const old = new Dexie(name);
      declareSchemaVersions(
        old,
        SCHEMA_VERSIONS.filter((v) => v.version <= version),
      );
      await old.open();
      await old.transaction('rw', old.tables, async () => {
        for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkAdd(rows);
      });
      old.close();

      const current = new YardstickDatabase(name);
      await current.open();
      expect(current.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
      for (const [table, rows] of Object.entries(fixture.tables)) {
        const stored = await current.table(table).toArray();
        const key = current.table(table).schema.primKey.keyPath as string;
        const byKey = (a: Record<string, unknown>, b: Record<string, unknown>) =>
          String(a[key]).localeCompare(String(b[key]));
        expect([...stored].sort(byKey)).toEqual([...rows].sort(byKey));
      }
      for (const score of await current.scores.toArray())
        expect(ScoreRecordSchema.safeParse(score).success).toBe(true);
      current.close();
    },
  );
});
