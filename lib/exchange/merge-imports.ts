import type { AuditInput, AuditOutcome, AuditScore } from '../audit/audit-input';
import { toCanonicalJson } from '../definitions/canonical-json';
import type { Band, Definitions } from '../definitions/schema-v1';
import { toCanonicalSalesforceId } from '../crm/salesforce-id';
import { err, ok, type Result } from '../result';
import { computeScore } from '../scoring/compute-score';
import type { ScoreRecord } from '../scoring/score-record';
import { ProblemCollector, type ImportError, type ImportProblem } from './import-problem';
import type { ImportedFile } from './read-import-file';

/** What was merged, for the report's "inputs" section. */
export interface MergeSummary {
  files: { file: string; kind: ImportedFile['kind']; scores: number; ratings: number; outcomes: number }[];
  /** Scores (or CSV ratings) seen again, identical, and counted once. */
  duplicates: number;
  notes: string[];
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
 * Merges files into one audit input. Scores are merged by id (a repeat must be identical), CSV
 * ratings by deal, rater, date, context and version (a repeat must agree), outcomes by deal.
 * Totals of CSV scores are computed (docs/data-formats.md). Any problem in a file refuses it.
 */
export function mergeImports(
  files: readonly ImportedFile[],
  options: MergeOptions = {},
): Result<{ input: AuditInput; summary: MergeSummary }, ImportError[]> {
  const definitions = options.definitions ?? null;
  const criteria = definitions ? new Map(definitions.criteria.map((c) => [c.id, c])) : null;
  const problems = new Map<string, ProblemCollector>();
  const report = (file: string, problem: ImportProblem) => {
    if (!problems.has(file)) problems.set(file, new ProblemCollector());
    problems.get(file)!.add(problem);
  };
  const levelProblem = (criterion: string, level: number | null): string | null => {
    if (!criteria || !definitions) return null;
    const found = criteria.get(criterion);
    if (!found) return `criterion "${criterion}" is not in ${definitions.id}@${definitions.version}`;
    if (level !== null && !found.levels.some((l) => l.value === level)) {
      return `level ${level} is not a level of "${criterion}" (levels: ${found.levels.map((l) => l.value).join(', ')})`;
    }
    return null;
  };

  const summary: MergeSummary = { files: [], duplicates: 0, notes: [] };
  const scores: AuditScore[] = [];
  const byId = new Map<string, { record: ScoreRecord; where: string }>();
  const recordIds = new Map<string, string>();
  const csvScores = new Map<string, CsvScore>();
  const outcomes = new Map<string, { won: boolean; segments: Record<string, string>; where: string }>();
  let latestDocument: { at: number; document: Definitions } | null = null;
  let skippedOtherDefinitions = 0;

  for (const imported of files) {
    const entry = { file: imported.file, kind: imported.kind, scores: 0, ratings: 0, outcomes: 0 };
    summary.files.push(entry);
    if (imported.kind === 'bundle') {
      const documents = new Map(imported.bundle.definitions.map((d) => [d.hash, d.document]));
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
              ...imported.locate(['scores', index, 'answers', a, 'level']),
              message: problem,
            });
        });
        const prior = byId.get(record.id);
        if (prior) {
          if (toCanonicalJson(prior.record) === toCanonicalJson(record)) summary.duplicates++;
          else {
            report(imported.file, {
              ...imported.locate(['scores', index, 'id']),
              message: `score ${record.id} differs from the score with the same id at ${prior.where}`,
            });
          }
          return;
        }
        byId.set(record.id, { record, where: where() });
        entry.scores++;
        entry.ratings += record.answers.length;
        const at = Date.parse(record.savedAt);
        const document = documents.get(record.definitions.hash);
        if (document && (!latestDocument || at > latestDocument.at)) latestDocument = { at, document };
        recordIds.set(record.dealKey, record.deal.recordId);
        scores.push({
          id: record.id,
          deal: record.dealKey,
          rater: record.rater,
          ...(record.role ? { role: record.role } : {}),
          snapshot: record.deal,
          context: record.context,
          scoredAt: at,
          definitionsVersion: `${record.definitions.id}@${record.definitions.version}`,
          total: record.total,
          answers: record.answers.map((answer) => ({ criterion: answer.criterionId, level: answer.level })),
        });
      });
    } else if (imported.kind === 'ratings') {
      for (const row of imported.rows) {
        const problem = levelProblem(row.criterion, row.level);
        if (problem) {
          report(imported.file, {
            line: row.line,
            column: row.levelColumn,
            field: 'level',
            message: problem,
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
  if (problems.size > 0) {
    return err([...problems.entries()].map(([file, collector]) => collector.toError(file, 'the file')));
  }
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
  return ok({
    input: {
      scores,
      outcomes: resolved,
      criteria: definitions ? definitions.criteria.map((c) => c.id) : undefined,
      bands,
      staleAfterDays: chosen?.staleAfterDays ?? 30,
    },
    summary,
  });
}

function show(level: number | null): string {
  return level === null ? 'Unknown' : String(level);
}

/**
 * CSV rows carry no total. With definitions it is computed exactly as the extension does; without,
 * every criterion weighs the same and its levels span the range observed in the input.
 */
function fillCsvTotals(
  csvScores: AuditScore[],
  all: readonly AuditScore[],
  definitions: Definitions | null,
): void {
  if (csvScores.length === 0) return;
  if (definitions) {
    for (const score of csvScores) {
      const answers = score.answers.map((answer) => ({
        criterionId: answer.criterion,
        level: answer.level,
        evidence: '',
      }));
      (score as { total: number | null }).total = computeScore(definitions, answers).total;
    }
    return;
  }
  const range = new Map<string, { low: number; high: number }>();
  for (const score of all) {
    for (const { criterion, level } of score.answers) {
      if (level === null) continue;
      const entry = range.get(criterion);
      if (!entry) range.set(criterion, { low: level, high: level });
      else {
        entry.low = Math.min(entry.low, level);
        entry.high = Math.max(entry.high, level);
      }
    }
  }
  const varying = [...range.entries()].filter(([, r]) => r.high > r.low);
  for (const score of csvScores) {
    if (varying.length === 0) continue;
    let attained = 0;
    for (const [criterion, { low, high }] of varying) {
      const level = score.answers.find((answer) => answer.criterion === criterion)?.level ?? null;
      if (level !== null) attained += (level - low) / (high - low);
    }
    (score as { total: number | null }).total = (100 * attained) / varying.length;
  }
}

/** Outcomes name deals by deal key or by CRM record id (Salesforce 15- or 18-character); map them to deal keys. */
function resolveOutcomeDeals(
  scores: readonly AuditScore[],
  recordIds: ReadonlyMap<string, string>,
  outcomes: ReadonlyMap<string, { won: boolean; segments: Record<string, string>; where: string }>,
  report: (file: string, problem: ImportProblem) => void,
): AuditOutcome[] {
  const keys = new Set(scores.map((score) => score.deal));
  const byRecord = new Map<string, Set<string>>();
  for (const key of keys) {
    const id = normaliseId(recordIds.get(key) ?? key);
    if (!byRecord.has(id)) byRecord.set(id, new Set());
    byRecord.get(id)!.add(key);
  }
  const resolved: AuditOutcome[] = [];
  for (const [deal, outcome] of outcomes) {
    let key = deal;
    if (!keys.has(deal)) {
      const matches = byRecord.get(normaliseId(deal));
      if (matches && matches.size > 1) {
        const [file, line] = splitWhere(outcome.where);
        report(file, {
          line,
          message: `deal "${deal}" matches ${matches.size} scored deals (${[...matches].join(', ')}); use the full deal key`,
        });
        continue;
      }
      if (matches) key = [...matches][0]!;
    }
    resolved.push({ deal: key, won: outcome.won, segments: outcome.segments });
  }
  return resolved;
}

function normaliseId(id: string): string {
  return toCanonicalSalesforceId(id) ?? id;
}

function splitWhere(where: string): [string, number] {
  const colon = where.lastIndexOf(':');
  return [where.slice(0, colon), Number(where.slice(colon + 1))];
}
