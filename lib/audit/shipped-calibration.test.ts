// @vitest-environment node
// Node environment: under happy-dom, Vite rewrites `new URL(path, import.meta.url)` into an http:// asset URL.
import '../zod-jitless';
import { readFileSync } from 'node:fs';
import { DefinitionsV1Schema, type Definitions } from '../definitions/schema-v1';
import type { AuditScore } from './audit-input';
import { DEFAULT_CLOSED_LOOP } from './minimums';
import { runAudit } from './run-audit';

const FRAMEWORKS = ['meddpicc', 'meddicc', 'bant', 'spiced'] as const;

function shipped(id: string): Definitions {
  const text = readFileSync(new URL(`../../public/definitions/${id}.json`, import.meta.url), 'utf8');
  return DefinitionsV1Schema.parse(JSON.parse(text));
}

/**
 * A calibration session on the shipped cases: three raters pick each case's intended level, except on
 * the first criterion, whose wording two of them read each their own way (neither leans one way).
 */
function sessionScores(definitions: Definitions, caseCount: number): AuditScore[] {
  const [misread] = definitions.criteria;
  const readings: Record<string, (intended: number) => number> = {
    ana: (intended) => intended,
    ben: (intended) => (intended + 2) % 4,
    cai: (intended) => 3 - intended,
  };
  const cases = (definitions.calibration ?? []).slice(0, caseCount);
  return cases.flatMap((calibrationCase, index) =>
    Object.entries(readings).map(([rater, read]) => ({
      id: `${rater}:${calibrationCase.id}`,
      deal: calibrationCase.id,
      rater,
      context: 'calibration' as const,
      scoredAt: Date.UTC(2026, 10, 1 + index),
      definitionsVersion: `${definitions.id}@${definitions.version}`,
      total: null,
      answers: definitions.criteria.map((criterion) => {
        const intended = calibrationCase.intendedLevels![criterion.id]!;
        return { criterion: criterion.id, level: criterion === misread ? read(intended) : intended };
      }),
    })),
  );
}

function rewrites(definitions: Definitions, caseCount: number): string[] {
  const report = runAudit(
    {
      scores: sessionScores(definitions, caseCount),
      outcomes: [],
      criteria: definitions.criteria.map((c) => c.id),
    },
    { asOf: Date.UTC(2026, 11, 1), bootstrap: false, slices: false },
  );
  return report.closedLoop.rewrite.map((item) => `${item.criterion} on ${item.calibrationCases} cases`);
}

describe.each(FRAMEWORKS)('a calibration session on the shipped %s cases alone', (id) => {
  const definitions = shipped(id);
  const misread = definitions.criteria[0]!.id;
  const caseCount = definitions.calibration?.length ?? 0;

  it('finds the criterion whose wording the raters read differently', () => {
    expect(rewrites(definitions, caseCount)).toEqual([`${misread} on ${caseCount} cases`]);
  });

  it('would find nothing on one case fewer than the rewrite minimum', () => {
    expect(rewrites(definitions, DEFAULT_CLOSED_LOOP.rewriteMinUnits - 1)).toEqual([]);
  });
});
