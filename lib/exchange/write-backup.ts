import type { ScoreRecord } from '../scoring/score-record';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  backupChecksum,
  canonicalArrayItem,
  type BackupContent,
  type BackupDefinitionsVersion,
  type BackupSetting,
} from './backup-format';

/** The database content a backup is made of, table by table. */
export interface BackupSource {
  createdAt: Date;
  /** The database schema version the rows were read from. */
  databaseVersion: number;
  definitionsVersions: readonly BackupDefinitionsVersion[];
  settings: readonly BackupSetting[];
  /** Oldest first, as stored. */
  scores: readonly ScoreRecord[];
}

/**
 * Writes a backup as JSON text (format 1, docs/data-formats.md). The layout is line-oriented so the
 * file can be read as a stream: one member per line, then every row on a line of its own (rows in
 * canonical form, so the same database always gives the same bytes), scores last, the checksum at
 * the end.
 */
export async function serializeBackup(source: BackupSource): Promise<string> {
  const definitionsVersions = source.definitionsVersions.map(canonicalArrayItem);
  const settings = source.settings.map(canonicalArrayItem);
  const scores = source.scores.map(canonicalArrayItem);
  const content: BackupContent = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    createdAt: source.createdAt.toISOString(),
    databaseVersion: source.databaseVersion,
    counts: {
      scores: scores.length,
      definitionsVersions: definitionsVersions.length,
      settings: settings.length,
    },
    definitionsVersions: [...source.definitionsVersions],
    settings: [...source.settings],
    scores: [...source.scores],
  };
  const checksum = await backupChecksum(content, scores);
  const rows = (lines: string[]) => (lines.length === 0 ? '' : `${lines.join(',\n')}\n`);
  return (
    '{\n' +
    `"format":${JSON.stringify(content.format)},\n` +
    `"formatVersion":${content.formatVersion},\n` +
    `"createdAt":${JSON.stringify(content.createdAt)},\n` +
    `"databaseVersion":${content.databaseVersion},\n` +
    `"counts":${JSON.stringify(content.counts)},\n` +
    `"definitionsVersions":[\n${rows(definitionsVersions)}],\n` +
    `"settings":[\n${rows(settings)}],\n` +
    `"scores":[\n${rows(scores)}],\n` +
    `"checksum":${JSON.stringify({ algorithm: 'SHA-256', value: checksum })}\n` +
    '}\n'
  );
}

/** A file name for a backup made at `now`: `yardstick-backup-2026-11-22T12-00-00Z.json`. */
export function backupFileName(now: Date): string {
  return `yardstick-backup-${now
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-')}.json`;
}
