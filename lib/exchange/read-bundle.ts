import type { z } from 'zod';
import { hashDefinitions } from '../definitions/content-hash';
import { formatIssuePath } from '../definitions/parse-definitions';
import { toCanonicalJson } from '../definitions/canonical-json';
import { err, ok, type Result } from '../result';
import { bundleChecksum } from './bundle-checksum';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  BundleSchema,
  NdjsonChecksumLineSchema,
  NdjsonHeaderLineSchema,
  NdjsonScoreLineSchema,
  type Bundle,
} from './bundle-format';
import { findExcessiveNesting } from './json-nesting';
import { ProblemCollector, singleProblem, type ImportError, type ImportProblem } from './import-problem';
import { jsonPathLocator, locateJsonSyntaxError, type TextPosition } from './text-position';

/** A bundle read and verified, with a way to point at any part of it in the file. */
export interface ImportedBundle {
  kind: 'bundle';
  file: string;
  encoding: 'json' | 'ndjson';
  bundle: Bundle;
  /** Where a JSON path of the bundle (e.g. `['scores', 4, 'answers', 1, 'level']`) is in the file. */
  locate: (path: readonly (string | number)[]) => TextPosition;
}

type Path = readonly (string | number)[];

/**
 * Reads a bundle in either encoding (NDJSON when the first line is a `"type":"header"` object),
 * verifying format, version, schema, checksum and internal consistency. Any problem refuses the file.
 */
export async function readBundle(file: string, text: string): Promise<Result<ImportedBundle, ImportError>> {
  if (text.trim() === '') return err(singleProblem(file, { message: 'the file is empty' }));
  const tooDeep = findExcessiveNesting(text);
  if (tooDeep) return err(singleProblem(file, tooDeep));
  const firstLine = text.slice(0, text.indexOf('\n') >= 0 ? text.indexOf('\n') : text.length);
  let first: unknown;
  try {
    first = JSON.parse(firstLine);
  } catch {
    first = undefined;
  }
  const isNdjson = isRecord(first) && first.type === 'header' && text.trim().includes('\n');
  return isNdjson ? readNdjson(file, text) : readJson(file, text);
}

async function readJson(file: string, text: string): Promise<Result<ImportedBundle, ImportError>> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const located = locateJsonSyntaxError(text);
    return err(singleProblem(file, located ?? { message: `invalid JSON: ${String(error)}` }));
  }
  const locate = jsonPathLocator(text);
  const at = (path: Path, message: string): ImportProblem => ({
    ...locate(path),
    field: formatIssuePath(path),
    message,
  });
  if (!isRecord(data))
    return err(singleProblem(file, { line: 1, column: 1, message: 'a bundle is a JSON object' }));
  const refusal = checkFormat(data, (path, message) => at(path, message));
  if (refusal) return err(singleProblem(file, refusal));
  const problems = new ProblemCollector();
  await checkChecksum(data, data.checksum, ['checksum'], at, problems);
  const parsed = BundleSchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.add(at(issue.path as Path, describeIssue(issue)));
    return err(problems.toError(file, 'the bundle'));
  }
  const bundle = await checkConsistency(parsed.data, at, problems);
  if (!problems.empty) return err(problems.toError(file, 'the bundle'));
  return ok({ kind: 'bundle', file, encoding: 'json', bundle, locate });
}

async function readNdjson(file: string, text: string): Promise<Result<ImportedBundle, ImportError>> {
  const lines = text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  while (lines.length > 0 && lines.at(-1)!.trim() === '') lines.pop();
  const problems = new ProblemCollector();
  const values: unknown[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') {
      problems.add({ line: i + 1, message: 'blank line inside an NDJSON bundle' });
      values.push(undefined);
      continue;
    }
    try {
      values.push(JSON.parse(line));
    } catch (error) {
      const located = locateJsonSyntaxError(line);
      problems.add({
        line: i + 1,
        column: located?.column,
        message: located?.message ?? `invalid JSON: ${String(error)}`,
      });
      values.push(undefined);
    }
  }
  if (!problems.empty) return err(problems.toError(file, 'the NDJSON bundle'));
  const lineLocators = new Map<number, (path: Path) => TextPosition>();
  const inLine = (index: number, path: Path): TextPosition => {
    let locator = lineLocators.get(index);
    if (!locator) {
      locator = jsonPathLocator(lines[index]!);
      lineLocators.set(index, locator);
    }
    return { line: index + 1, column: locator(path).column };
  };
  const last = values.length - 1;
  // Bundle paths map onto lines: scores[i] is line i + 2, the checksum the last line, the rest line 1.
  const locate = (path: Path): TextPosition => {
    if (path[0] === 'scores' && typeof path[1] === 'number')
      return inLine(path[1] + 1, ['score', ...path.slice(2)]);
    if (path[0] === 'checksum') return inLine(last, path.slice(1));
    return inLine(0, path);
  };
  const at = (path: Path, message: string): ImportProblem => ({
    ...locate(path),
    field: formatIssuePath(path),
    message,
  });
  const header = values[0];
  if (!isRecord(header))
    return err(singleProblem(file, { line: 1, message: 'the first line must be the header object' }));
  const refusal = checkFormat(header, at);
  if (refusal) return err(singleProblem(file, refusal));
  const trailer = values[last];
  if (last === 0 || !isRecord(trailer) || trailer.type !== 'checksum') {
    return err(
      singleProblem(file, {
        line: last + 1,
        message: 'the last line is not the checksum line: the file is truncated or was cut',
      }),
    );
  }
  const scores: unknown[] = [];
  for (let i = 1; i < last; i++) {
    const value = values[i];
    if (isRecord(value) && value.type === 'checksum') {
      problems.add({
        line: i + 1,
        message: 'a checksum line before the end: lines were appended after the checksum',
      });
      continue;
    }
    const parsed = NdjsonScoreLineSchema.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.add({
          ...inLine(i, issue.path as Path),
          field: formatIssuePath(issue.path),
          message: describeIssue(issue),
        });
      }
    }
    scores.push(isRecord(value) ? value.score : undefined);
  }
  const { type: _header, ...content } = header;
  const assembled = { ...content, scores };
  await checkChecksum(
    assembled,
    { algorithm: trailer.algorithm, value: trailer.value },
    ['checksum'],
    at,
    problems,
  );
  const headerCheck = NdjsonHeaderLineSchema.safeParse(header);
  if (!headerCheck.success) {
    for (const issue of headerCheck.error.issues) problems.add(at(issue.path as Path, describeIssue(issue)));
  }
  const trailerCheck = NdjsonChecksumLineSchema.safeParse(trailer);
  if (!trailerCheck.success) {
    for (const issue of trailerCheck.error.issues)
      problems.add({ ...inLine(last, issue.path as Path), message: describeIssue(issue) });
  }
  if (!problems.empty) return err(problems.toError(file, 'the NDJSON bundle'));
  const { type: _type, ...checksum } = trailerCheck.data!;
  const parsed = BundleSchema.safeParse({ ...content, scores, checksum });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.add(at(issue.path as Path, describeIssue(issue)));
    return err(problems.toError(file, 'the NDJSON bundle'));
  }
  const bundle = await checkConsistency(parsed.data, at, problems);
  if (!problems.empty) return err(problems.toError(file, 'the NDJSON bundle'));
  return ok({ kind: 'bundle', file, encoding: 'ndjson', bundle, locate });
}

function checkFormat(
  data: Record<string, unknown>,
  at: (path: Path, message: string) => ImportProblem,
): ImportProblem | null {
  if (data.format !== BUNDLE_FORMAT) {
    return at(
      ['format'],
      `not a Yardstick bundle: "format" is ${JSON.stringify(data.format) ?? 'missing'}, expected "${BUNDLE_FORMAT}"`,
    );
  }
  if (data.formatVersion !== BUNDLE_FORMAT_VERSION) {
    const newer = typeof data.formatVersion === 'number' && data.formatVersion > BUNDLE_FORMAT_VERSION;
    return at(
      ['formatVersion'],
      `bundle format version ${JSON.stringify(data.formatVersion) ?? '(missing)'} is not supported: this Yardstick reads version ${BUNDLE_FORMAT_VERSION}${newer ? ' (the bundle comes from a newer Yardstick)' : ''}`,
    );
  }
  return null;
}

async function checkChecksum(
  content: Record<string, unknown>,
  checksum: unknown,
  path: Path,
  at: (path: Path, message: string) => ImportProblem,
  problems: ProblemCollector,
): Promise<void> {
  if (!isRecord(checksum) || checksum.algorithm !== 'SHA-256' || typeof checksum.value !== 'string') {
    problems.add(
      at(
        path,
        'missing or malformed checksum: expected { "algorithm": "SHA-256", "value": "<64 hex digits>" }',
      ),
    );
    return;
  }
  const actual = await bundleChecksum(content);
  if (actual !== checksum.value) {
    problems.add(
      at(
        [...path, 'value'],
        `wrong checksum: the content hashes to ${actual}, the bundle says ${checksum.value}; the file was changed or damaged after export`,
      ),
    );
  }
}

/** Cross-member rules the schema cannot express; drops exact duplicate scores. */
async function checkConsistency(
  bundle: Bundle,
  at: (path: Path, message: string) => ImportProblem,
  problems: ProblemCollector,
): Promise<Bundle> {
  const byHash = new Map<string, number>();
  for (const [index, entry] of bundle.definitions.entries()) {
    if (byHash.has(entry.hash))
      problems.add(at(['definitions', index, 'hash'], `definitions ${entry.hash} listed twice`));
    byHash.set(entry.hash, index);
    if (!entry.document) continue;
    const actual = await hashDefinitions(entry.document);
    if (actual !== entry.hash) {
      problems.add(
        at(['definitions', index, 'hash'], `the document hashes to ${actual}, not the listed ${entry.hash}`),
      );
    }
    if (entry.document.id !== entry.id || entry.document.version !== entry.version) {
      problems.add(
        at(
          ['definitions', index],
          `id/version "${entry.id}@${entry.version}" differ from the document's "${entry.document.id}@${entry.document.version}"`,
        ),
      );
    }
  }
  const seen = new Map<string, { index: number; canonical: string | null }>();
  const scores: Bundle['scores'] = [];
  for (const [index, score] of bundle.scores.entries()) {
    if (score.rater !== bundle.rater) {
      problems.add(
        at(['scores', index, 'rater'], `score by "${score.rater}" in a bundle of rater "${bundle.rater}"`),
      );
    }
    const refIndex = byHash.get(score.definitions.hash);
    const ref = refIndex === undefined ? undefined : bundle.definitions[refIndex];
    if (!ref || ref.id !== score.definitions.id || ref.version !== score.definitions.version) {
      problems.add(
        at(
          ['scores', index, 'definitions'],
          `definitions ${score.definitions.id}@${score.definitions.version} (${score.definitions.hash.slice(0, 12)}…) are not listed in the bundle's "definitions"`,
        ),
      );
    } else if (ref.document) {
      checkLevels(score, index, ref.document, at, problems);
    }
    const earlier = seen.get(score.id);
    if (earlier) {
      earlier.canonical ??= toCanonicalJson(bundle.scores[earlier.index]);
      if (earlier.canonical !== toCanonicalJson(score)) {
        problems.add(
          at(
            ['scores', index, 'id'],
            `score id ${score.id} is used twice with different content (first: scores[${earlier.index}])`,
          ),
        );
      }
      continue;
    }
    seen.set(score.id, { index, canonical: null });
    scores.push(score);
  }
  return scores.length === bundle.scores.length ? bundle : { ...bundle, scores };
}

function checkLevels(
  score: Bundle['scores'][number],
  index: number,
  document: NonNullable<Bundle['definitions'][number]['document']>,
  at: (path: Path, message: string) => ImportProblem,
  problems: ProblemCollector,
): void {
  score.answers.forEach((answer, a) => {
    const criterion = document.criteria.find((c) => c.id === answer.criterionId);
    if (!criterion) {
      problems.add(
        at(
          ['scores', index, 'answers', a, 'criterionId'],
          `criterion "${answer.criterionId}" is not in ${document.id}@${document.version}`,
        ),
      );
    } else if (answer.level !== null && !criterion.levels.some((level) => level.value === answer.level)) {
      problems.add(
        at(
          ['scores', index, 'answers', a, 'level'],
          `level ${answer.level} is not a level of "${criterion.id}" (levels: ${criterion.levels.map((l) => l.value).join(', ')})`,
        ),
      );
    }
  });
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys')
    return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  const path = formatIssuePath(issue.path);
  return path ? `${path}: ${issue.message}` : issue.message;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
