// @vitest-environment node
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { toCanonicalJson } from '../definitions/canonical-json';
import {
  BACKUP_CHECKSUM_MEMBERS,
  backupChecksum,
  canonicalArrayItem,
  canonicalBackupText,
  buildBackupJsonSchema,
  renderBackupJsonSchema,
} from './backup-format';
import { sha256Hex } from '../sha256-hex';

const committedPath = path.resolve(import.meta.dirname, '../../public/backup.schema.json');

describe('public/backup.schema.json', () => {
  it('is the schema generated from the Zod schema (formatting aside: Prettier formats public/)', () => {
    // Regenerate: npx tsx -e "import('./lib/exchange/backup-format.ts').then((m) => require('node:fs').writeFileSync('public/backup.schema.json', m.renderBackupJsonSchema()))" && npx prettier --write public/backup.schema.json
    expect(JSON.parse(readFileSync(committedPath, 'utf8'))).toEqual(buildBackupJsonSchema());
  });

  it('forbids unknown members and requires the checksum', () => {
    const schema = JSON.parse(renderBackupJsonSchema()) as {
      additionalProperties: boolean;
      required: string[];
    };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(
      expect.arrayContaining(['format', 'formatVersion', 'counts', 'scores', 'settings', 'checksum']),
    );
  });
});

describe('canonical backup content', () => {
  const content = {
    $schema: 'https://example.invalid/ignored.json',
    format: 'yardstick-backup',
    formatVersion: 1,
    createdAt: '2026-11-22T12:00:00.000Z',
    databaseVersion: 1,
    counts: { scores: 2, definitionsVersions: 0, settings: 1 },
    definitionsVersions: [],
    settings: [{ value: { b: 1, a: [2, { d: 'é\u2028"', c: null }] }, key: 'z' }],
    scores: [
      { b: 1, a: 2 },
      { id: 'x', nested: { y: 1, x: -0.5 } },
    ],
    checksum: { algorithm: 'SHA-256', value: 'ignored' },
  };

  it('equals toCanonicalJson of exactly the covered members, built row by row', () => {
    const covered = Object.fromEntries(BACKUP_CHECKSUM_MEMBERS.map((m) => [m, content[m]]));
    expect(canonicalBackupText(content)).toBe(toCanonicalJson(covered));
    expect(canonicalBackupText(content, content.scores.map(canonicalArrayItem))).toBe(
      toCanonicalJson(covered),
    );
    expect(BACKUP_CHECKSUM_MEMBERS).toEqual([...BACKUP_CHECKSUM_MEMBERS].sort());
  });

  it('ignores $schema and checksum, key order and whitespace, but not values or row order', async () => {
    const checksum = await backupChecksum(content);
    expect(checksum).toBe(await sha256Hex(canonicalBackupText(content)));
    const reordered = JSON.parse(JSON.stringify({ ...content, $schema: undefined, checksum: 1 }, null, 4));
    expect(await backupChecksum(reordered)).toBe(checksum);
    expect(await backupChecksum({ ...content, scores: [...content.scores].reverse() })).not.toBe(checksum);
    expect(await backupChecksum({ ...content, createdAt: '2026-11-22T12:00:00.001Z' })).not.toBe(checksum);
  });
});
