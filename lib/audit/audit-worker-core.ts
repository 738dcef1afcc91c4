import type { AuditReport } from './audit-report';
import { runAudit } from './run-audit';
import { formatProblem } from '../definitions/definitions-problem';
import type { Definitions } from '../definitions/schema-v1';
import { decodeText } from '../exchange/decode-text';
import { checkFileSize, MAX_IMPORT_BYTES } from '../exchange/file-size-limit';
import { formatImportError, type ImportError } from '../exchange/import-problem';
import { mergeImports, type Merged, type MergeSummary } from '../exchange/merge-imports';
import { readImportFile, type ImportedFile } from '../exchange/read-import-file';
import type { AuditInput } from './audit-input';
import { mergeWithOrgLoad, type OrgLoadInput } from './org-load-side';
import { readDefinitionsFile } from '../exchange/read-definitions-file';
import { readFailure } from '../exchange/read-failure';
import { err } from '../result';
import type { OrgAuditState } from '../org/salesforce/audit/load-org-audit';
import type {
  AcceptedFile,
  AuditRequest,
  AuditResponse,
  IncomingFile,
  RejectedFile,
  WorkerTimings,
} from './audit-protocol';

/** A data file read and verified; it stays in the worker (its `locate` cannot be cloned). */
interface StoredFile {
  id: string;
  name: string;
  imported: ImportedFile;
}

interface StoredDefinitions {
  id: string;
  name: string;
  definitions: Definitions;
}

type Read =
  | { ok: true; stored: StoredFile }
  | { ok: true; definitions: StoredDefinitions }
  | { ok: false; rejected: RejectedFile };

/** What the worker reads outside itself: the org rows the background stored (the page's own Dexie store). */
export interface WorkerCoreDeps {
  readOrgState?: (origin: string) => Promise<OrgAuditState | null>;
}

/** How often (at most) reading progress is reported for one file. */
const PROGRESS_INTERVAL_MS = 50;

/**
 * The audit worker's logic, free of any worker API so that tests run it in-process: it reads and
 * checks files, merges them with the files already imported, runs the audit and posts the state.
 * A file with any problem is refused whole; the others still import. Requests run one at a time.
 */
export function createAuditWorkerCore(
  post: (response: AuditResponse) => void,
  deps: WorkerCoreDeps = {},
): {
  handle(request: AuditRequest): Promise<void>;
} {
  let files: StoredFile[] = [];
  let definitions: StoredDefinitions | null = null;
  let merged: { input: AuditInput; summary: MergeSummary; definitions: Definitions | null } | null = null;
  let org: OrgLoadInput | null = null;
  /** `merged` with the org's rows in, when an org was loaded: what the report and summary read. */
  let shown: Merged | null = null;
  let queue: Promise<void> = Promise.resolve();

  const now = () => performance.now();

  async function readOne(incoming: IncomingFile): Promise<Read> {
    const { id, file } = incoming;
    const name = file.name;
    // Checked before reading: a 2 GB file must be refused, not loaded into the worker's memory.
    const tooLarge = checkFileSize(name, file.size, MAX_IMPORT_BYTES, 'an import');
    if (!tooLarge.ok) return { ok: false, rejected: rejectedOf(id, name, [tooLarge.error]) };
    const bytes = await readBytes(file, (fraction) =>
      post({ type: 'progress', id, phase: 'reading', fraction }),
    );
    post({ type: 'progress', id, phase: 'checking', fraction: 0 });
    const decoded = decodeText(name, bytes);
    if (!decoded.ok) return { ok: false, rejected: rejectedOf(id, name, [decoded.error]) };
    const text = decoded.value;
    if (incoming.role === 'definitions' || looksLikeDefinitions(name, text)) {
      const parsed = readDefinitionsFile(name, text, /\.ya?ml$/i.test(name) ? 'yaml' : undefined);
      if (!parsed.ok) {
        return {
          ok: false,
          rejected: {
            id,
            name,
            summary: `${name}: ${parsed.error.summary} Nothing was imported from it.`,
            lines: parsed.error.problems.map((problem) =>
              problem.line === undefined
                ? `${name}: ${formatProblem(problem)}`
                : `${name}:${problem.line}:${problem.column ?? 1}: ${problem.path ? `${problem.path}: ` : ''}${problem.message}`,
            ),
          },
        };
      }
      return { ok: true, definitions: { id, name, definitions: parsed.value } };
    }
    const read = await readImportFile(name, text).catch((error: unknown) => err(readFailure(name, error)));
    if (!read.ok) return { ok: false, rejected: rejectedOf(id, name, [read.error]) };
    return { ok: true, stored: { id, name, imported: read.value } };
  }

  /**
   * Merges `base` (already known to merge cleanly) with `candidates`. When the whole lot fails, the
   * candidates are added one at a time so that only the files with problems are refused.
   */
  function build(
    base: StoredFile[],
    candidates: StoredFile[],
    withDefinitions: Definitions | null,
  ): { accepted: StoredFile[]; rejected: RejectedFile[] } {
    const options = { definitions: withDefinitions };
    const all = [...base, ...candidates];
    if (all.length === 0) {
      merged = null;
      return { accepted: [], rejected: [] };
    }
    const whole = mergeImports(
      all.map((f) => f.imported),
      options,
    );
    if (whole.ok) {
      merged = whole.value;
      const refused = new Map(whole.value.summary.refused.map((r) => [r.index, r.error]));
      const rejected = all.flatMap((f, i) =>
        refused.has(i) ? [rejectedOf(f.id, f.name, [refused.get(i)!])] : [],
      );
      return { accepted: all.filter((_f, i) => !refused.has(i)), rejected };
    }
    const accepted = [...base];
    const rejected: RejectedFile[] = [];
    merged =
      base.length > 0
        ? unwrap(
            mergeImports(
              base.map((f) => f.imported),
              options,
            ),
          )
        : null;
    for (const candidate of candidates) {
      const attempt = mergeImports(
        [...accepted, candidate].map((f) => f.imported),
        options,
      );
      const refused = attempt.ok ? attempt.value.summary.refused.map((r) => r.error) : attempt.error;
      if (refused.length === 0 && attempt.ok) {
        accepted.push(candidate);
        merged = attempt.value;
      } else rejected.push(rejectedOf(candidate.id, candidate.name, refused));
    }
    return { accepted, rejected };
  }

  function audit(asOf: number): { report: AuditReport | null; ms: number } {
    const start = now();
    shown = org ? mergeWithOrgLoad(merged, definitions?.definitions ?? null, org) : merged;
    const report = shown ? runAudit(shown.input, { asOf }) : null;
    return { report, ms: now() - start };
  }

  function postState(rejected: RejectedFile[], report: AuditReport | null, timings: WorkerTimings): void {
    const accepted: AcceptedFile[] = [];
    if (definitions) {
      const d = definitions.definitions;
      accepted.push({
        id: definitions.id,
        name: definitions.name,
        kind: 'definitions',
        added: { scores: 0, ratings: 0, outcomes: 0 },
        duplicates: 0,
        label: `${d.id}@${d.version}`,
      });
    }
    files.forEach((stored, index) => {
      const entry = merged?.summary.files[index];
      const added = entry
        ? { scores: entry.scores, ratings: entry.ratings, outcomes: entry.outcomes }
        : { scores: 0, ratings: 0, outcomes: 0 };
      accepted.push({
        id: stored.id,
        name: stored.name,
        kind: stored.imported.kind,
        added,
        duplicates: duplicatesOf(stored.imported, added, definitions?.definitions ?? null),
      });
    });
    const d = definitions?.definitions;
    post({
      type: 'state',
      files: accepted,
      rejected,
      definitions: d ? { id: d.id, version: d.version, title: d.title, file: definitions!.name } : null,
      definitionsDocument: shown?.definitions ?? d ?? null,
      summary: shown?.summary ?? null,
      report,
      timings,
    });
  }

  async function importFiles(incoming: IncomingFile[], asOf: number): Promise<void> {
    const start = now();
    const rejected: RejectedFile[] = [];
    const fresh: StoredFile[] = [];
    let newDefinitions: StoredDefinitions | null = null;
    for (const file of incoming) {
      const read = await readOne(file);
      if (!read.ok) rejected.push(read.rejected);
      else if ('definitions' in read) newDefinitions = read.definitions;
      else fresh.push(read.stored);
    }
    const readMs = now() - start;
    for (const file of fresh) post({ type: 'progress', id: file.id, phase: 'merging', fraction: 0 });
    const mergeStart = now();
    if (newDefinitions) {
      // New definitions re-check every file: a level that is not in them refuses its file.
      definitions = newDefinitions;
      const built = build([], [...files, ...fresh], definitions.definitions);
      files = built.accepted;
      rejected.push(...built.rejected);
    } else {
      const built = build(files, fresh, definitions?.definitions ?? null);
      files = built.accepted;
      rejected.push(...built.rejected);
    }
    const mergeMs = now() - mergeStart;
    const { report, ms } = audit(asOf);
    postState(rejected, report, { read: readMs, merge: mergeMs, audit: ms, total: now() - start });
  }

  /** Rebuilds the merged input from the kept files against the current definitions, then audits and posts. */
  function rebuildWithout(
    isRemoved: (file: (typeof files)[number]) => boolean,
    asOf: number,
    start: number,
  ): void {
    const built = build(
      [],
      files.filter((file) => !isRemoved(file)),
      definitions?.definitions ?? null,
    );
    files = built.accepted;
    const mergeMs = now() - start;
    const { report, ms } = audit(asOf);
    postState(built.rejected, report, { read: 0, merge: mergeMs, audit: ms, total: now() - start });
  }

  async function handleNow(request: AuditRequest): Promise<void> {
    const start = now();
    switch (request.type) {
      case 'import':
        return importFiles(request.files, request.asOf);
      case 'remove': {
        const gone = new Set(request.ids);
        if (definitions && gone.has(definitions.id)) definitions = null;
        return rebuildWithout((file) => gone.has(file.id), request.asOf, start);
      }
      case 'remove-definitions':
        definitions = null;
        return rebuildWithout(() => false, request.asOf, start);
      case 'audit': {
        const { report, ms } = audit(request.asOf);
        return postState([], report, { read: 0, merge: 0, audit: ms, total: now() - start });
      }
      case 'org': {
        org = await orgLoadOf(request.load, deps);
        const readMs = now() - start;
        const { report, ms } = audit(request.asOf);
        return postState([], report, { read: readMs, merge: 0, audit: ms, total: now() - start });
      }
      case 'clear':
        org = null;
        shown = null;
        files = [];
        definitions = null;
        merged = null;
        return postState([], null, { read: 0, merge: 0, audit: 0, total: 0 });
    }
  }

  return {
    handle(request) {
      queue = queue
        .then(() => handleNow(request))
        .catch((error: unknown) => {
          post({
            type: 'failed',
            message: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
          });
        });
      return queue;
    },
  };
}

async function orgLoadOf(
  load: Extract<AuditRequest, { type: 'org' }>['load'],
  deps: WorkerCoreDeps,
): Promise<OrgLoadInput | null> {
  if (!load) return null;
  if (!deps.readOrgState) throw new Error('this audit engine cannot read org rows');
  const state = await deps.readOrgState(load.origin);
  // The page asks only after a load saved its state; none means the store was cleared meanwhile.
  if (!state) throw new Error(`nothing is stored for ${load.origin}: load it again`);
  return { state, summary: load };
}

function unwrap<T>(result: { ok: true; value: T } | { ok: false }): T | null {
  return result.ok ? result.value : null;
}

function rejectedOf(id: string, name: string, errors: readonly ImportError[]): RejectedFile {
  const own = errors.find((error) => error.file === name) ?? errors[0]!;
  return {
    id,
    name,
    summary: own.summary.includes('nothing was imported')
      ? own.summary
      : `${own.summary} (nothing was imported from ${name})`,
    lines: errors.flatMap((error) => formatImportError(error)),
  };
}

function duplicatesOf(
  imported: ImportedFile,
  added: { scores: number; ratings: number; outcomes: number },
  definitions: Definitions | null,
): number {
  if (imported.kind === 'bundle') {
    const considered = definitions
      ? imported.bundle.scores.filter((score) => score.definitions.id === definitions.id).length
      : imported.bundle.scores.length;
    return Math.max(0, considered - added.scores);
  }
  if (imported.kind === 'ratings') return Math.max(0, imported.rows.length - added.ratings);
  return Math.max(0, imported.rows.length - added.outcomes);
}

/**
 * A definitions file rather than a bundle: YAML by name, or a JSON object that is not a bundle and
 * has the definitions' members. Bundles always carry the text "yardstick-bundle".
 */
export function looksLikeDefinitions(name: string, text: string): boolean {
  if (/\.ya?ml$/i.test(name)) return true;
  const body = text.trimStart();
  if (!body.startsWith('{') || text.includes('"yardstick-bundle"')) return false;
  const newline = body.indexOf('\n');
  const firstLine = newline < 0 ? body : body.slice(0, newline);
  if (/"type"\s*:\s*"header"/.test(firstLine)) return false;
  try {
    const data: unknown = JSON.parse(body);
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return false;
    return !('scores' in data) && ('criteria' in data || 'schemaVersion' in data);
  } catch {
    return false;
  }
}

/** Reads a file's bytes, reporting the fraction read (streamed when the platform can). */
async function readBytes(file: Blob, progress: (fraction: number) => void): Promise<Uint8Array> {
  const size = file.size;
  progress(0);
  if (typeof file.stream !== 'function' || size === 0) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    progress(1);
    return bytes;
  }
  const reader = file.stream().getReader();
  const bytes = new Uint8Array(size);
  let offset = 0;
  let last = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes.set(value, offset);
    offset += value.length;
    const time = performance.now();
    if (time - last >= PROGRESS_INTERVAL_MS) {
      last = time;
      progress(offset / size);
    }
  }
  progress(1);
  return offset === size ? bytes : bytes.subarray(0, offset);
}
