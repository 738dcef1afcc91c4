import type { z } from 'zod';
import { toCanonicalJson } from '../definitions/canonical-json';
import { hashDefinitions } from '../definitions/content-hash';
import { formatIssuePath } from '../definitions/parse-definitions';
import type { Definitions } from '../definitions/schema-v1';
import { err, ok, type Result } from '../result';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupSchema,
  backupChecksum,
  canonicalArrayItem,
  type BackupContent,
} from './backup-format';
import { BUNDLE_FORMAT } from './bundle-format';
import { checkFileSize, decodeTextFile, MAX_BACKUP_BYTES, utf8ByteLength } from './file-size-limit';
import { findExcessiveNesting } from './json-nesting';
import { ProblemCollector, type ImportProblem } from './import-problem';
import { refuseRestore, restoreErrorOf, type RestoreError, type RestoreErrorReason } from './restore-error';
import { jsonPathLocator, locateJsonSyntaxError, type TextPosition } from './text-position';

type Path = readonly (string | number)[];

/** A backup read and verified whole, ready to be merged into a database. */
export interface VerifiedBackup {
  file: string;
  /** The content, with rows repeated identically inside the file kept once. */
  backup: BackupContent;
  /** Canonical JSON of each of `backup.scores`, to compare with stored scores. */
  scoreCanonical: readonly string[];
  /** Rows dropped because the file repeats them identically. */
  duplicateRows: number;
  /** Where a JSON path of the backup (e.g. `['scores', 4, 'id']`) is in the file. */
  locate: (path: Path) => TextPosition;
}

/** Options for {@link readBackup}. */
export interface ReadBackupOptions {
  /** Size cap in bytes; {@link MAX_BACKUP_BYTES} unless given. */
  maxBytes?: number;
}

/**
 * Reads and verifies a backup file without touching any database: size (before anything else),
 * UTF-8, JSON syntax, format and version, checksum, every row against its schema, counts, duplicate
 * keys with different content, each definitions version against its content hash, and each score's
 * definitions and levels. Any problem refuses the whole file.
 */
export async function readBackup(
  file: string,
  input: string | Uint8Array,
  options: ReadBackupOptions = {},
): Promise<Result<VerifiedBackup, RestoreError>> {
  const maxBytes = options.maxBytes ?? MAX_BACKUP_BYTES;
  const size = typeof input === 'string' ? utf8ByteLength(input, maxBytes) : input.byteLength;
  const sized = checkFileSize(file, size, maxBytes, 'a backup');
  if (!sized.ok) return err({ ...sized.error, reason: 'too-large' });
  let text: string;
  if (typeof input === 'string') text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  else {
    const decoded = decodeTextFile(file, input);
    if (!decoded.ok) return err({ ...decoded.error, reason: 'encoding' });
    text = decoded.value;
  }
  if (text.trim() === '') return refuseRestore(file, 'syntax', { message: 'the file is empty' });
  const tooDeep = findExcessiveNesting(text);
  if (tooDeep) return refuseRestore(file, 'syntax', tooDeep);

  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const bundle = ndjsonBundleHeader(text);
    if (bundle) return refuseRestore(file, 'not-a-backup', { line: 1, column: 1, message: bundle });
    const located = locateJsonSyntaxError(text);
    return refuseRestore(file, 'syntax', located ?? { message: `invalid JSON: ${String(error)}` });
  }
  const locate = jsonPathLocator(text);
  const at = (path: Path, message: string): ImportProblem => {
    const field = formatIssuePath(path);
    return { ...locate(path), field, message: field ? `${field}: ${message}` : message };
  };
  if (!isRecord(data)) {
    return refuseRestore(file, 'not-a-backup', {
      line: 1,
      column: 1,
      message: `not a Yardstick backup: a backup is a JSON object, this file holds ${describeValue(data)}`,
    });
  }
  const formatRefusal = checkFormat(data, at);
  if (formatRefusal) return refuseRestore(file, formatRefusal.reason, formatRefusal.problem);

  const problems = new ProblemCollector();
  let reason: RestoreErrorReason = 'invalid';
  const scoreCanonical = Array.isArray(data.scores) ? data.scores.map(canonicalArrayItem) : undefined;
  const checksum = data.checksum;
  if (!isRecord(checksum) || checksum.algorithm !== 'SHA-256' || typeof checksum.value !== 'string') {
    reason = 'checksum';
    problems.add(
      at(
        ['checksum'],
        'missing or malformed checksum: expected { "algorithm": "SHA-256", "value": "<64 hex digits>" }',
      ),
    );
  } else {
    const actual = await backupChecksum(data, scoreCanonical);
    if (actual !== checksum.value) {
      reason = 'checksum';
      problems.add(
        at(
          ['checksum', 'value'],
          `wrong checksum: the content hashes to ${actual}, the backup says ${checksum.value}; the file was changed or damaged after it was written`,
        ),
      );
    }
  }
  const parsed = BackupSchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.add(at(issue.path as Path, describeIssue(issue)));
    return err(restoreErrorOf(problems, file, reason));
  }
  const { checksum: _checksum, $schema: _schema, ...content } = parsed.data;
  checkCounts(content, at, problems);
  const checked = await checkConsistency(content, scoreCanonical!, at, problems);
  if (!problems.empty) return err(restoreErrorOf(problems, file, reason));
  return ok({ file, ...checked, locate });
}

function checkFormat(
  data: Record<string, unknown>,
  at: (path: Path, message: string) => ImportProblem,
): { reason: RestoreErrorReason; problem: ImportProblem } | null {
  if (data.format === BUNDLE_FORMAT) {
    return {
      reason: 'not-a-backup',
      problem: at(
        ['format'],
        `this is an export bundle ("${BUNDLE_FORMAT}", made by "Export my scores"), not a backup: restore reads files made by "Back up"; bundles are read by the audit`,
      ),
    };
  }
  if (data.format === undefined && data.schemaVersion !== undefined && data.criteria !== undefined) {
    return {
      reason: 'not-a-backup',
      problem: at([], 'this is a definitions file, not a backup: import it under "Definitions"'),
    };
  }
  if (data.format !== BACKUP_FORMAT) {
    return {
      reason: 'not-a-backup',
      problem: at(
        ['format'],
        `not a Yardstick backup: "format" is ${JSON.stringify(data.format) ?? 'missing'}, expected "${BACKUP_FORMAT}"`,
      ),
    };
  }
  if (data.formatVersion !== BACKUP_FORMAT_VERSION) {
    const newer = typeof data.formatVersion === 'number' && data.formatVersion > BACKUP_FORMAT_VERSION;
    return {
      reason: 'unsupported-version',
      problem: at(
        ['formatVersion'],
        `backup format version ${JSON.stringify(data.formatVersion) ?? '(missing)'} is not supported: this Yardstick reads version ${BACKUP_FORMAT_VERSION}${newer ? ' (the backup comes from a newer Yardstick: update Yardstick, then restore)' : ''}`,
      ),
    };
  }
  return null;
}

function checkCounts(
  content: BackupContent,
  at: (path: Path, message: string) => ImportProblem,
  problems: ProblemCollector,
): void {
  for (const table of ['scores', 'definitionsVersions', 'settings'] as const) {
    const declared = content.counts[table];
    const actual = content[table].length;
    if (declared !== actual) {
      problems.add(
        at(
          ['counts', table],
          `the backup says it holds ${declared} ${table} rows but has ${actual}${actual < declared ? ': the file is truncated or rows were removed' : ': rows were added'}`,
        ),
      );
    }
  }
}

/** Cross-row rules: duplicates, content hashes, score references. Drops rows repeated identically. */
async function checkConsistency(
  content: BackupContent,
  allScoreCanonical: readonly string[],
  at: (path: Path, message: string) => ImportProblem,
  problems: ProblemCollector,
): Promise<Pick<VerifiedBackup, 'backup' | 'scoreCanonical' | 'duplicateRows'>> {
  let duplicateRows = 0;

  const definitionsVersions: BackupContent['definitionsVersions'] = [];
  const versionsByHash = new Map<string, { index: number; canonical: string }>();
  for (const [index, row] of content.definitionsVersions.entries()) {
    const canonical = toCanonicalJson(row);
    const earlier = versionsByHash.get(row.hash);
    if (earlier) {
      if (earlier.canonical !== canonical) {
        problems.add(
          at(
            ['definitionsVersions', index, 'hash'],
            `definitions version ${row.hash} is listed twice with different content (first: definitionsVersions[${earlier.index}])`,
          ),
        );
      } else duplicateRows++;
      continue;
    }
    versionsByHash.set(row.hash, { index, canonical });
    definitionsVersions.push(row);
    const actual = await hashDefinitions(row.definitions);
    if (actual !== row.hash) {
      problems.add(
        at(
          ['definitionsVersions', index, 'hash'],
          `the definitions hash to ${actual}, not the listed ${row.hash}`,
        ),
      );
    }
    if (row.definitions.id !== row.id || row.definitions.version !== row.version) {
      problems.add(
        at(
          ['definitionsVersions', index],
          `id/version "${row.id}@${row.version}" differ from the definitions' "${row.definitions.id}@${row.definitions.version}"`,
        ),
      );
    }
  }

  const settings: BackupContent['settings'] = [];
  const settingsByKey = new Map<string, { index: number; canonical: string }>();
  for (const [index, row] of content.settings.entries()) {
    const canonical = toCanonicalJson(row);
    const earlier = settingsByKey.get(row.key);
    if (earlier) {
      if (earlier.canonical !== canonical) {
        problems.add(
          at(
            ['settings', index, 'key'],
            `setting "${row.key}" is listed twice with different values (first: settings[${earlier.index}])`,
          ),
        );
      } else duplicateRows++;
      continue;
    }
    settingsByKey.set(row.key, { index, canonical });
    settings.push(row);
  }

  const definitionsByHash = new Map<string, Definitions>(
    definitionsVersions.map((row) => [row.hash, row.definitions]),
  );
  const levelsByDefinitions = new Map<string, Map<string, readonly number[]>>();
  const scores: BackupContent['scores'] = [];
  const scoreCanonical: string[] = [];
  const scoresById = new Map<string, number>();
  for (const [index, score] of content.scores.entries()) {
    const canonical = allScoreCanonical[index]!;
    const earlier = scoresById.get(score.id);
    if (earlier !== undefined) {
      if (allScoreCanonical[earlier] !== canonical) {
        problems.add(
          at(
            ['scores', index, 'id'],
            `score id ${score.id} is used twice with different content (first: scores[${earlier}])`,
          ),
        );
      } else duplicateRows++;
      continue;
    }
    scoresById.set(score.id, index);
    scores.push(score);
    scoreCanonical.push(canonical);
    const ref = score.definitions;
    const definitions = definitionsByHash.get(ref.hash);
    if (!definitions || definitions.id !== ref.id || definitions.version !== ref.version) {
      problems.add(
        at(
          ['scores', index, 'definitions'],
          `definitions ${ref.id}@${ref.version} (${ref.hash.slice(0, 12)}…) are not among the backup's definitionsVersions`,
        ),
      );
      continue;
    }
    let levels = levelsByDefinitions.get(ref.hash);
    if (!levels) {
      levels = new Map(definitions.criteria.map((c) => [c.id, c.levels.map((l) => l.value)]));
      levelsByDefinitions.set(ref.hash, levels);
    }
    score.answers.forEach((answer, a) => {
      const values = levels.get(answer.criterionId);
      if (!values) {
        problems.add(
          at(
            ['scores', index, 'answers', a, 'criterionId'],
            `criterion "${answer.criterionId}" is not in ${ref.id}@${ref.version}`,
          ),
        );
      } else if (answer.level !== null && !values.includes(answer.level)) {
        problems.add(
          at(
            ['scores', index, 'answers', a, 'level'],
            `level ${answer.level} is not a level of "${answer.criterionId}" (levels: ${values.join(', ')})`,
          ),
        );
      }
    });
  }
  return { backup: { ...content, definitionsVersions, settings, scores }, scoreCanonical, duplicateRows };
}

/** When the text is an NDJSON export bundle, says so (it is not JSON as a whole). */
function ndjsonBundleHeader(text: string): string | null {
  const end = text.indexOf('\n');
  try {
    const first: unknown = JSON.parse(end < 0 ? text : text.slice(0, end));
    if (isRecord(first) && first.type === 'header' && first.format === BUNDLE_FORMAT) {
      return `this is an NDJSON export bundle ("${BUNDLE_FORMAT}"), not a backup: restore reads files made by "Back up"; bundles are read by the audit`;
    }
  } catch {
    // Not a JSON first line: not an NDJSON bundle.
  }
  return null;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys')
    return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return issue.message.replace(/^Invalid input: /, '');
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return `a ${typeof value}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export {
  formatRestoreError,
  restoreErrorOf,
  type RestoreError,
  type RestoreErrorReason,
} from './restore-error';
