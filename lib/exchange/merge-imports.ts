import type { AuditInput, AuditScore } from '../audit/audit-input';
import { toCanonicalJson } from '../definitions/canonical-json';
import type { Band, Definitions } from '../definitions/schema-v1';
import { err, ok, type Result } from '../result';
import type { ScoreRecord } from '../scoring/score-record';
import { ProblemCollector, type ImportError, type ImportProblem } from './import-problem';
import type { ImportedFile } from './read-import-file';
import { canonicalRaterName, nearDuplicateRaterWarnings } from './rater-names';
import { verifyBundleTotals } from './verify-bundle-totals';
import { fillCsvTotals } from './fill-csv-totals';
import { resolveOutcomeDeals } from './resolve-outcome-deals';

/** A file left out because its scores conflict with an earlier file's; the others were audited. */
export interface RefusedImport {
  /** Its position in the files given to {@link mergeImports}. */
  index: number;
  /** Why, naming both files and where. */
  error: ImportError;
}

/** What was merged, for the report's "inputs" section. */
export interface MergeSummary {
  files: { file: string; kind: ImportedFile['kind']; scores: number; ratings: number; outcomes: number }[];
  /** Scores (or CSV ratings) seen again, identical, and counted once. */
  duplicates: number;
  notes: string[];
  /**
   * What in the files was corrected or may be wrong, one sentence each: recorded totals that differ
   * from the answers (the audit uses the answers'), raters that may be one person written two ways.
   */
  warnings: string[];
  /** Files refused for conflicting with an earlier file; not in `files`. */
  refused: RefusedImport[];
  /**
   * Rater names and roles are what the files say: a checksum proves a file intact, not who made
   * it. True whenever the input holds scores, so that the report says so.
   */
  selfDeclared: boolean;
  /** Ids of bundle scores that claim an org-verified rater (`orgRater`): only the org's own record proves it. */
  claimedVerified?: string[];
  /** What was read from a Salesforce org, when the audit read one. */
  salesforce?: {
    origin: string;
    via: 'rest' | 'bulk';
    incremental: boolean;
    changed: number;
    /** Scores the org deleted since the last load, dropped from the audit. */
    deleted: number;
    calls: number;
    scores: number;
    outcomes: number;
  };
  /** Raters the org verified (the records' owners), when the audit read an org. */
  verifiedRaters?: { userId: string; name: string }[];
}

/** Options for {@link mergeImports}. */
export interface MergeOptions {
  /** With definitions, every rating's criterion and level is checked against them. */
  definitions?: Definitions | null;
}

interface CsvScore {
  score: AuditScore & { answers: { criterion: string; level: number | null }[] };
  where: Map<string, string>;
}

/**
 * The merged input, what the merge did, and the definitions the audit reads: the ones given, or
 * else those of the latest bundle score (null when neither exists).
 */
export type Merged = { input: AuditInput; summary: MergeSummary; definitions: Definitions | null };

/**
 * Merges files into one audit input. Scores are merged by id (a repeat must be identical), CSV
 * ratings by deal, rater, date, context and version (a repeat must agree), outcomes by deal.
 * Totals of CSV scores are computed, bundle totals recomputed from the answers (docs/data-formats.md).
 * A bundle whose score ids meet different scores in an earlier file is refused, naming both, and the
 * rest merged; any other problem in a file refuses the merge, listing every file's problems.
 */
export function mergeImports(
  files: readonly ImportedFile[],
  options: MergeOptions = {},
): Result<Merged, ImportError[]> {
  const refused: RefusedImport[] = [];
  let remaining = files.map((file, index) => ({ file, index }));
  for (;;) {
    const attempt = mergeOnce(
      remaining.map((entry) => entry.file),
      options,
    );
    if (attempt.conflicts.size === 0) {
      if (!attempt.result.ok) return err([...refused.map((r) => r.error), ...attempt.result.error]);
      attempt.result.value.summary.refused = refused;
      return attempt.result;
    }
    for (const [position, error] of attempt.conflicts)
      refused.push({ index: remaining[position]!.index, error });
    remaining = remaining.filter((_entry, position) => !attempt.conflicts.has(position));
  }
}

function mergeOnce(
  files: readonly ImportedFile[],
  options: MergeOptions,
): { result: Result<Merged, ImportError[]>; conflicts: Map<number, ImportError> } {
  const definitions = options.definitions ?? null;
  const criteria = definitions ? new Map(definitions.criteria.map((c) => [c.id, c])) : null;
  const problems = new Map<string, ProblemCollector>();
  const report = (file: string, problem: ImportProblem) => {
    if (!problems.has(file)) problems.set(file, new ProblemCollector());
    problems.get(file)!.add(problem);
  };
  // Which cell is wrong: an unknown criterion is the criterion cell's fault, a bad level the level's.
  const levelProblem = (
    criterion: string,
    level: number | null,
  ): { cell: 'criterion' | 'level'; message: string } | null => {
    if (!criteria || !definitions) return null;
    const found = criteria.get(criterion);
    if (!found)
      return {
        cell: 'criterion',
        message: `criterion "${criterion}" is not in ${definitions.id}@${definitions.version}`,
      };
    if (level !== null && !found.levels.some((l) => l.value === level)) {
      return {
        cell: 'level',
        message: `level ${level} is not a level of "${criterion}" (levels: ${found.levels.map((l) => l.value).join(', ')})`,
      };
    }
    return null;
  };

  const summary: MergeSummary = {
    files: [],
    duplicates: 0,
    notes: [],
    warnings: [],
    refused: [],
    selfDeclared: false,
  };
  const scores: AuditScore[] = [];
  const byId = new Map<string, { record: ScoreRecord; where: string; fileIndex: number }>();
  const conflicts = new Map<number, { collector: ProblemCollector; others: Set<string> }>();
  let unchecked = 0;
  const recordIds = new Map<string, string>();
  const csvScores = new Map<string, CsvScore>();
  const outcomes = new Map<string, { won: boolean; segments: Record<string, string>; where: string }>();
  let latestDocument: { at: number; document: Definitions } | null = null;
  let skippedOtherDefinitions = 0;

  for (const [fileIndex, imported] of files.entries()) {
    const entry = { file: imported.file, kind: imported.kind, scores: 0, ratings: 0, outcomes: 0 };
    summary.files.push(entry);
    if (imported.kind === 'bundle') {
      const documents = new Map(imported.bundle.definitions.map((d) => [d.hash, d.document]));
      const verified = verifyBundleTotals(imported);
      for (const mismatch of verified.mismatches) summary.warnings.push(mismatch);
      unchecked += verified.unchecked;
      imported.bundle.scores.forEach((record, index) => {
        if (definitions && record.definitions.id !== definitions.id) {
          skippedOtherDefinitions++;
          return;
        }
        const where = () => {
          const { line } = imported.locate(['scores', index]);
          return `${imported.file}:${line}`;
        };
        record.answers.forEach((answer, a) => {
          const problem = levelProblem(answer.criterionId, answer.level);
          if (problem)
            report(imported.file, {
              ...imported.locate([
                'scores',
                index,
                'answers',
                a,
                problem.cell === 'level' ? 'level' : 'criterionId',
              ]),
              message: problem.message,
            });
        });
        const prior = byId.get(record.id);
        if (prior) {
          if (toCanonicalJson(prior.record) === toCanonicalJson(record)) summary.duplicates++;
          else {
            const problem = {
              ...imported.locate(['scores', index, 'id']),
              message: `score ${record.id} differs from the score with the same id at ${prior.where}`,
            };
            if (prior.fileIndex === fileIndex) report(imported.file, problem);
            else {
              if (!conflicts.has(fileIndex))
                conflicts.set(fileIndex, { collector: new ProblemCollector(), others: new Set() });
              conflicts.get(fileIndex)!.collector.add(problem);
              conflicts.get(fileIndex)!.others.add(files[prior.fileIndex]!.file);
            }
          }
          return;
        }
        byId.set(record.id, { record, where: where(), fileIndex });
        entry.scores++;
        entry.ratings += record.answers.length;
        const at = Date.parse(record.savedAt);
        const document = documents.get(record.definitions.hash);
        if (document && (!latestDocument || at > latestDocument.at)) latestDocument = { at, document };
        recordIds.set(record.dealKey, record.deal.recordId);
        if (record.orgRater) (summary.claimedVerified ??= []).push(record.id);
        scores.push({
          id: record.id,
          deal: record.dealKey,
          // The org's name for a rater it verified, as the org's own record of the score names them.
          rater: canonicalRaterName(record.orgRater?.name ?? record.rater),
          ...(record.role ? { role: record.role } : {}),
          snapshot: record.deal,
          context: record.context,
          scoredAt: at,
          definitionsVersion: `${record.definitions.id}@${record.definitions.version}`,
          total: verified.totals[index] ?? record.total,
          answers: record.answers.map((answer) => ({ criterion: answer.criterionId, level: answer.level })),
        });
      });
    } else if (imported.kind === 'ratings') {
      for (const read of imported.rows) {
        const row = { ...read, rater: canonicalRaterName(read.rater) };
        const problem = levelProblem(row.criterion, row.level);
        if (problem) {
          report(imported.file, {
            line: row.line,
            column: problem.cell === 'level' ? row.levelColumn : row.criterionColumn,
            field: problem.cell,
            message: problem.message,
          });
          continue;
        }
        const key = `${row.deal}\u0000${row.rater}\u0000${row.scoredAt ?? ''}\u0000${row.context}\u0000${row.definitionsVersion ?? ''}`;
        let csv = csvScores.get(key);
        if (!csv) {
          csv = {
            score: {
              id: `csv:${JSON.stringify([row.deal, row.rater, row.scoredAt, row.context, row.definitionsVersion])}`,
              deal: row.deal,
              rater: row.rater,
              context: row.context,
              scoredAt: row.scoredAt,
              definitionsVersion: row.definitionsVersion,
              total: null,
              answers: [],
            },
            where: new Map(),
          };
          csvScores.set(key, csv);
          entry.scores++;
        }
        const earlier = csv.where.get(row.criterion);
        if (earlier !== undefined) {
          const prior = csv.score.answers.find((answer) => answer.criterion === row.criterion)!;
          if (prior.level === row.level) summary.duplicates++;
          else {
            report(imported.file, {
              line: row.line,
              column: row.levelColumn,
              field: 'level',
              message: `conflicting rating: ${row.rater} rated "${row.criterion}" of ${row.deal} ${show(row.level)} here and ${show(prior.level)} at ${earlier}`,
            });
          }
          continue;
        }
        csv.where.set(row.criterion, `${imported.file}:${row.line}`);
        csv.score.answers.push({ criterion: row.criterion, level: row.level });
        entry.ratings++;
      }
    } else {
      for (const row of imported.rows) {
        const prior = outcomes.get(row.deal);
        if (prior) {
          if (prior.won !== row.won) {
            report(imported.file, {
              line: row.line,
              message: `deal "${row.deal}" is ${row.won ? 'won' : 'lost'} here but ${prior.won ? 'won' : 'lost'} at ${prior.where}`,
            });
          } else {
            for (const [column, value] of Object.entries(row.segments)) {
              if (prior.segments[column] !== undefined && prior.segments[column] !== value) {
                report(imported.file, {
                  line: row.line,
                  message: `deal "${row.deal}" has ${column} "${value}" here but "${prior.segments[column]}" at ${prior.where}`,
                });
              }
              prior.segments[column] ??= value;
            }
            summary.duplicates++;
          }
          continue;
        }
        outcomes.set(row.deal, {
          won: row.won,
          segments: { ...row.segments },
          where: `${imported.file}:${row.line}`,
        });
        entry.outcomes++;
      }
    }
  }

  const csvList = [...csvScores.values()].map((csv) => csv.score);
  // A loop, not push(...list): spreading 100 000+ arguments overflows the stack.
  for (const score of csvList) scores.push(score);
  fillCsvTotals(csvList, scores, definitions);

  const resolved = resolveOutcomeDeals(scores, recordIds, outcomes, report);
  const conflicted = new Map(
    [...conflicts].map(([index, { collector, others }]) => [
      index,
      conflictError(files[index]!.file, collector, others),
    ]),
  );
  if (conflicted.size > 0) return { result: err([]), conflicts: conflicted };
  if (problems.size > 0) {
    const errors = [...problems.entries()].map(([file, collector]) => collector.toError(file, 'the file'));
    return { result: err(errors), conflicts: conflicted };
  }
  summary.selfDeclared = scores.length > 0;
  for (const warning of nearDuplicateRaterWarnings(new Set(scores.map((score) => score.rater))))
    summary.warnings.push(warning);
  if (unchecked > 0)
    summary.warnings.push(
      `${unchecked} bundle score${unchecked === 1 ? '' : 's'} came without their definitions document, so their recorded totals could not be checked against their answers`,
    );
  if (skippedOtherDefinitions > 0) {
    summary.notes.push(
      `${skippedOtherDefinitions} bundle score${skippedOtherDefinitions === 1 ? ' was' : 's were'} made against definitions other than ${definitions!.id} and left out`,
    );
  }
  const chosen: Definitions | null =
    definitions ?? (latestDocument as { document: Definitions } | null)?.document ?? null;
  if (!definitions && chosen)
    summary.notes.push(
      `bands from ${chosen.id}@${chosen.version}, the definitions of the latest bundle score`,
    );
  const bands: Band[] | null = chosen ? chosen.bands : null;
  const merged = ok({
    input: {
      scores,
      outcomes: resolved,
      criteria: definitions ? definitions.criteria.map((c) => c.id) : undefined,
      bands,
      staleAfterDays: chosen?.staleAfterDays ?? 30,
    },
    summary,
    definitions: chosen,
  });
  return { result: merged, conflicts: conflicted };
}

function conflictError(file: string, collector: ProblemCollector, others: ReadonlySet<string>): ImportError {
  const count = collector.problems.length + collector.more;
  const error = collector.toError(file, 'the file');
  return {
    ...error,
    summary: `${file}: ${count === 1 ? '1 score shares' : `${count} scores share`} an id with a different score in ${[...others].join(', ')}; nothing was imported from ${file}, the other files were audited`,
  };
}

function show(level: number | null): string {
  return level === null ? 'Unknown' : String(level);
}
