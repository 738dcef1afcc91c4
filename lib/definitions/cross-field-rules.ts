/** A problem found by a cross-field rule, at a path into the file. */
export interface CrossFieldIssue {
  path: (string | number)[];
  message: string;
}

type Loose = Record<string, unknown>;

/**
 * Checks the rules that span fields (unique ids, increasing levels, gates and stageMap naming real
 * stages and levels, bands covering 0–100) on data that may also break the schema's shape rules,
 * so one pass reports every problem: each rule reads only the parts that have the right shape.
 */
export function findCrossFieldIssues(data: unknown): CrossFieldIssue[] {
  if (!isLoose(data)) return [];
  const issues: CrossFieldIssue[] = [];
  const criteria = entriesOf(data.criteria);
  const stages = entriesOf(data.stages);
  const bands = entriesOf(data.bands);
  issues.push(...duplicates(criteria, 'criteria', 'criterion id'));
  issues.push(...duplicates(stages, 'stages', 'stage id'));
  issues.push(...duplicates(bands, 'bands', 'band id'));
  issues.push(...duplicates(entriesOf(data.calibration), 'calibration', 'calibration case id'));
  const stageIds = new Set(stages.map(([, stage]) => stage.id).filter((id) => typeof id === 'string'));
  for (const [criterionIndex, criterion] of criteria) {
    issues.push(...levelOrder(criterion, criterionIndex));
    issues.push(...gateTargets(criterion, criterionIndex, stageIds));
  }
  issues.push(...salesforceFieldTargets(data));
  issues.push(...intendedLevelTargets(data.calibration, criteria));
  if (isLoose(data.stageMap)) {
    for (const [crmStage, stageId] of Object.entries(data.stageMap)) {
      if (typeof stageId === 'string' && !stageIds.has(stageId)) {
        issues.push({
          path: ['stageMap', crmStage],
          message: `maps to stage "${stageId}", which is not in stages`,
        });
      }
    }
  }
  issues.push(...bandCoverage(bands));
  return issues;
}

function duplicates(items: [number, Loose][], listKey: string, what: string): CrossFieldIssue[] {
  const firstIndex = new Map<string, number>();
  const issues: CrossFieldIssue[] = [];
  for (const [index, item] of items) {
    if (typeof item.id !== 'string') continue;
    const seenAt = firstIndex.get(item.id);
    if (seenAt === undefined) firstIndex.set(item.id, index);
    else
      issues.push({
        path: [listKey, index, 'id'],
        message: `duplicate ${what} "${item.id}" (first used at ${listKey}[${seenAt}])`,
      });
  }
  return issues;
}

function levelOrder(criterion: Loose, criterionIndex: number): CrossFieldIssue[] {
  const issues: CrossFieldIssue[] = [];
  const levels = entriesOf(criterion.levels);
  for (let i = 1; i < levels.length; i++) {
    const [previousIndex, previous] = levels[i - 1]!;
    const [levelIndex, level] = levels[i]!;
    if (levelIndex !== previousIndex + 1 || !isFiniteNumber(level.value) || !isFiniteNumber(previous.value))
      continue;
    if (level.value <= previous.value) {
      issues.push({
        path: ['criteria', criterionIndex, 'levels', levelIndex, 'value'],
        message: `level values must strictly increase (${level.value} follows ${previous.value})`,
      });
    }
  }
  return issues;
}

function gateTargets(criterion: Loose, criterionIndex: number, stageIds: Set<unknown>): CrossFieldIssue[] {
  if (!isLoose(criterion.gates)) return [];
  const levels = Array.isArray(criterion.levels) ? (criterion.levels as unknown[]) : [];
  const levelValues = levels.map((level) => (isLoose(level) ? level.value : undefined));
  // A level whose value is broken is reported by the shape rules; a gate on it cannot be judged.
  const levelsReadable = levelValues.every(isFiniteNumber);
  const criterionName = typeof criterion.id === 'string' ? criterion.id : `criteria[${criterionIndex}]`;
  const issues: CrossFieldIssue[] = [];
  for (const [stageId, minimum] of Object.entries(criterion.gates)) {
    const path = ['criteria', criterionIndex, 'gates', stageId];
    if (!stageIds.has(stageId))
      issues.push({ path, message: `gate names stage "${stageId}", which is not in stages` });
    if (levelsReadable && isFiniteNumber(minimum) && !levelValues.includes(minimum)) {
      issues.push({
        path,
        message: `gate requires level value ${minimum}, which is not a level of "${criterionName}"`,
      });
    }
  }
  return issues;
}

/** A calibration case's intended levels must name real criteria and levels of them. */
function intendedLevelTargets(calibration: unknown, criteria: [number, Loose][]): CrossFieldIssue[] {
  const levelsOf = new Map<unknown, unknown[]>();
  for (const [, criterion] of criteria) {
    const levels = Array.isArray(criterion.levels) ? (criterion.levels as unknown[]) : [];
    levelsOf.set(
      criterion.id,
      levels.map((level) => (isLoose(level) ? level.value : undefined)),
    );
  }
  const issues: CrossFieldIssue[] = [];
  for (const [caseIndex, calibrationCase] of entriesOf(calibration)) {
    if (!isLoose(calibrationCase.intendedLevels)) continue;
    for (const [criterionId, level] of Object.entries(calibrationCase.intendedLevels)) {
      const path = ['calibration', caseIndex, 'intendedLevels', criterionId];
      const levels = levelsOf.get(criterionId);
      if (!levels)
        issues.push({ path, message: `names criterion "${criterionId}", which is not in criteria` });
      else if (levels.every(isFiniteNumber) && isFiniteNumber(level) && !levels.includes(level)) {
        issues.push({ path, message: `level value ${level} is not a level of "${criterionId}"` });
      }
    }
  }
  return issues;
}

function bandCoverage(entries: [number, Loose][]): CrossFieldIssue[] {
  const issues: CrossFieldIssue[] = [];
  const bands: { index: number; id: string; min: number; max: number }[] = [];
  for (const [index, band] of entries) {
    if (!isFiniteNumber(band.min) || !isFiniteNumber(band.max)) continue;
    bands.push({
      index,
      id: typeof band.id === 'string' ? band.id : `bands[${index}]`,
      min: band.min,
      max: band.max,
    });
    if (band.min >= band.max) {
      issues.push({ path: ['bands', index], message: `min (${band.min}) must be below max (${band.max})` });
    }
  }
  const sorted = bands.sort((a, b) => a.min - b.min);
  const first = sorted[0];
  const last = sorted.at(-1);
  if (!first || !last) return issues;
  if (first.min !== 0) {
    issues.push({
      path: ['bands', first.index, 'min'],
      message: `bands must start at 0, the lowest starts at ${first.min}`,
    });
  }
  if (last.max !== 100) {
    issues.push({
      path: ['bands', last.index, 'max'],
      message: `bands must end at 100, the highest ends at ${last.max}`,
    });
  }
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1]!;
    const current = sorted[i]!;
    if (current.min > previous.max) {
      issues.push({
        path: ['bands', current.index, 'min'],
        message: `gap between bands "${previous.id}" (ends ${previous.max}) and "${current.id}" (starts ${current.min})`,
      });
    } else if (current.min < previous.max) {
      issues.push({
        path: ['bands', current.index, 'min'],
        message: `band "${current.id}" overlaps "${previous.id}" (${current.min} < ${previous.max})`,
      });
    }
  }
  return issues;
}

/** The list's items that are objects, with their indexes; anything else is the shape rules' to report. */
function entriesOf(list: unknown): [number, Loose][] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item, index): [number, Loose][] => (isLoose(item) ? [[index, item]] : []));
}

function isLoose(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Each `salesforceFields` entry must name one of the captureFields it gives an API name to. */
function salesforceFieldTargets(data: Loose): CrossFieldIssue[] {
  if (!isLoose(data.salesforceFields)) return [];
  const captured = new Set(Array.isArray(data.captureFields) ? data.captureFields : []);
  return Object.keys(data.salesforceFields)
    .filter((fieldId) => !captured.has(fieldId))
    .map((fieldId) => ({
      path: ['salesforceFields', fieldId],
      message: `names "${fieldId}", which is not in captureFields`,
    }));
}
