import Dexie from 'dexie';
import { z } from 'zod';
import { toCanonicalJson } from '../definitions/canonical-json';
import { checkDefinitionsUrl } from '../definitions/fetch-definitions';
import { formatIssuePath } from '../definitions/parse-definitions';
import { validateGenericAdapterConfig } from '../crm/generic-adapter-config';
import { ProblemCollector, type ImportProblem } from '../exchange/import-problem';
import { readBackup, type VerifiedBackup } from '../exchange/read-backup';
import { restoreErrorOf, type RestoreError } from '../exchange/restore-error';
import { err, ok, type Result } from '../result';
import { RaterRoleSchema } from '../scoring/score-record';
import type { Settings } from './settings-repository';
import type { DefinitionsVersionRow, SettingRow, YardstickDatabase } from './yardstick-database';

export type { RestoreError, RestoreErrorReason } from '../exchange/read-backup';
export { formatRestoreError } from '../exchange/restore-error';

/** What a restore did, table by table. Restoring the same backup again reports everything unchanged. */
export interface RestoreSummary {
  /** When the backup was made. */
  backupCreatedAt: string;
  restoredAt: string;
  scores: { inBackup: number; added: number; unchanged: number };
  definitionsVersions: { inBackup: number; added: number; unchanged: number };
  settings: {
    inBackup: number;
    /** Missing in this browser, restored from the backup. */
    added: number;
    /** Set in this browser already: the local value was kept (it may differ from the backup's). */
    keptLocal: number;
    /** Never restored: this browser's sync state, keys this version does not know, or dangling values. */
    skipped: string[];
  };
  /** Rows the file repeats identically (counted once). */
  duplicateRowsInFile: number;
}

/** Options for {@link restoreBackup}. */
export interface RestoreOptions {
  /** The file name shown in messages; `backup.json` unless given. */
  file?: string;
  /** Size cap in bytes; `MAX_BACKUP_BYTES` (256 MiB) unless given. */
  maxBytes?: number;
}

type SettingRule = { restore: true; schema: z.ZodType } | { restore: false; why: string };

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits (SHA-256)');

/**
 * How each setting is restored. Keyed by every key of {@link Settings}, so adding a setting does not
 * compile until its restore rule is written here. A restored value must match its schema (the
 * bounds of the message that sets it); a key missing in this browser is restored, an existing one
 * kept.
 */
export const SETTING_RESTORE_RULES: { readonly [K in keyof Settings]-?: SettingRule } = {
  rater: { restore: true, schema: z.string().min(1).max(200) },
  role: { restore: true, schema: RaterRoleSchema },
  staleAmountChangePercent: { restore: true, schema: z.number().int().min(1).max(1000) },
  orgSync: { restore: true, schema: z.boolean() },
  syncIntervalMinutes: { restore: true, schema: z.number().int().min(1).max(10_080) },
  activeDefinitionsHash: { restore: true, schema: Sha256Hex },
  lastDefinitionsChangeAt: { restore: true, schema: z.iso.datetime() },
  definitionsSource: {
    restore: true,
    schema: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('built-in') }),
      z.strictObject({
        kind: z.literal('url'),
        url: z.string().refine((url) => checkDefinitionsUrl(url).ok, {
          message: 'must be an https URL (http only for localhost)',
        }),
      }),
      z.strictObject({ kind: z.literal('file'), name: z.string().max(500) }),
    ]),
  },
  customCrms: {
    restore: true,
    schema: z.array(z.unknown()).superRefine((configs, ctx) => {
      configs.forEach((config, index) => {
        const checked = validateGenericAdapterConfig(config);
        if (!checked.ok) ctx.addIssue({ code: 'custom', path: [index], message: checked.error });
      });
    }),
  },
  syncState: {
    restore: false,
    why: "this browser's last sync of the definitions URL (restoring it could make the next sync skip a download)",
  },
  lastDefinitionsFailure: { restore: false, why: "this browser's last definitions failure" },
};

class RestoreRefused extends Error {
  constructor(readonly refusal: RestoreError) {
    super(refusal.summary);
  }
}

/**
 * Restores a backup (text or bytes) into the database, all or nothing. The whole file is verified
 * first ({@link readBackup}, then setting values); then, in one transaction over every table, it
 * refuses the file if any score id is stored here with different content, and otherwise adds what
 * is missing: scores by id, definitions versions by content hash, settings by key (local values
 * win; sync state is never restored). Nothing is ever deleted or replaced, so scores newer than the
 * backup stay, and restoring the same backup again changes nothing.
 */
export async function restoreBackup(
  db: YardstickDatabase,
  input: string | Uint8Array,
  now: Date,
  options: RestoreOptions = {},
): Promise<Result<RestoreSummary, RestoreError>> {
  const file = options.file ?? 'backup.json';
  const read = await readBackup(file, input, { maxBytes: options.maxBytes });
  if (!read.ok) return read;
  const verified = read.value;
  const settingProblems = checkSettingValues(verified);
  if (!settingProblems.empty) return err(restoreErrorOf(settingProblems, file, 'invalid'));
  try {
    return ok(await merge(db, verified, now));
  } catch (error) {
    if (error instanceof RestoreRefused) return err(error.refusal);
    if (isStorageError(error)) {
      const problem = {
        message: `the browser could not store the restored data (${error.name}: ${error.message}); nothing was restored`,
      };
      return err({
        file,
        reason: 'storage',
        summary: `${file}: ${problem.message}`,
        problems: [problem],
        more: 0,
      });
    }
    throw error;
  }
}

function checkSettingValues(verified: VerifiedBackup): ProblemCollector {
  const problems = new ProblemCollector();
  verified.backup.settings.forEach((row, index) => {
    const rule = ruleFor(row.key);
    if (!rule?.restore) return;
    const parsed = rule.schema.safeParse(row.value);
    if (parsed.success) return;
    for (const issue of parsed.error.issues) {
      const path = ['settings', index, 'value', ...(issue.path as (string | number)[])];
      const where = formatIssuePath(path);
      problems.add({
        ...verified.locate(path),
        field: where,
        message: `${where}: setting "${row.key}": ${issue.message.replace(/^Invalid input: /, '')}`,
      });
    }
  });
  return problems;
}

async function merge(db: YardstickDatabase, verified: VerifiedBackup, now: Date): Promise<RestoreSummary> {
  const { backup, scoreCanonical, file, locate } = verified;
  return db.transaction('rw', db.scores, db.definitionsVersions, db.settings, async () => {
    // A key-only scan finds the ids stored already; only those are read whole and compared.
    const storedIds = new Set(await db.scores.toCollection().primaryKeys());
    const presentIndexes: number[] = [];
    const newScores: typeof backup.scores = [];
    backup.scores.forEach((score, index) => {
      if (storedIds.has(score.id)) presentIndexes.push(index);
      else newScores.push(score);
    });
    const stored = await db.scores.bulkGet(presentIndexes.map((index) => backup.scores[index]!.id));
    const conflicts = new ProblemCollector();
    stored.forEach((local, position) => {
      const index = presentIndexes[position]!;
      const score = backup.scores[index]!;
      if (!local) throw new Error(`score ${score.id} vanished inside the restore transaction`);
      if (toCanonicalJson(local) !== scoreCanonical[index]) {
        const path = ['scores', index, 'id'];
        const problem: ImportProblem = {
          ...locate(path),
          field: formatIssuePath(path),
          message: `${formatIssuePath(path)}: score ${score.id} is already stored in this browser with different content (saved ${local.savedAt} by ${local.rater}); scores are never changed, so nothing was restored`,
        };
        conflicts.add(problem);
      }
    });
    if (!conflicts.empty) {
      throw new RestoreRefused(restoreErrorOf(conflicts, file, 'conflict'));
    }

    const storedVersions = await db.definitionsVersions.bulkGet(
      backup.definitionsVersions.map((row) => row.hash),
    );
    const newVersions: DefinitionsVersionRow[] = backup.definitionsVersions.filter(
      (_row, index) => !storedVersions[index],
    );
    const knownHashes = new Set(backup.definitionsVersions.map((row) => row.hash));

    const storedSettings = await db.settings.bulkGet(backup.settings.map((row) => row.key));
    const newSettings: SettingRow[] = [];
    const skipped: string[] = [];
    let keptLocal = 0;
    for (const [index, row] of backup.settings.entries()) {
      const rule = ruleFor(row.key);
      if (!rule?.restore) skipped.push(row.key);
      else if (storedSettings[index]) keptLocal++;
      else if (
        row.key === 'activeDefinitionsHash' &&
        !knownHashes.has(row.value as string) &&
        !(await db.definitionsVersions.get(row.value as string))
      ) {
        skipped.push(row.key);
      } else newSettings.push({ key: row.key, value: row.value });
    }

    if (newScores.length > 0) await db.scores.bulkAdd(newScores);
    if (newVersions.length > 0) await db.definitionsVersions.bulkAdd(newVersions);
    if (newSettings.length > 0) await db.settings.bulkAdd(newSettings);
    return {
      backupCreatedAt: backup.createdAt,
      restoredAt: now.toISOString(),
      scores: {
        inBackup: backup.scores.length,
        added: newScores.length,
        unchanged: backup.scores.length - newScores.length,
      },
      definitionsVersions: {
        inBackup: backup.definitionsVersions.length,
        added: newVersions.length,
        unchanged: backup.definitionsVersions.length - newVersions.length,
      },
      settings: { inBackup: backup.settings.length, added: newSettings.length, keptLocal, skipped },
      duplicateRowsInFile: verified.duplicateRows,
    };
  });
}

function ruleFor(key: string): SettingRule | undefined {
  return Object.hasOwn(SETTING_RESTORE_RULES, key) ? SETTING_RESTORE_RULES[key as keyof Settings] : undefined;
}

function isStorageError(error: unknown): error is Error {
  return (
    error instanceof Dexie.DexieError ||
    (typeof DOMException !== 'undefined' && error instanceof DOMException) ||
    (error instanceof Error && ['QuotaExceededError', 'AbortError', 'UnknownError'].includes(error.name))
  );
}
