// @vitest-environment node
// Node environment: under happy-dom, Vite rewrites `new URL(path, import.meta.url)` into an http:// asset URL.
import '../zod-jitless';
import { readFileSync } from 'node:fs';
import { DEFAULT_CLOSED_LOOP } from '../audit/minimums';
import { findDefinitionsWarnings } from './definitions-warnings';
import { DefinitionsV1Schema, type Definitions } from './schema-v1';

const FILES = {
  meddpicc: new URL('../../public/definitions/meddpicc.json', import.meta.url),
  meddicc: new URL('../../public/definitions/meddicc.json', import.meta.url),
  bant: new URL('../../public/definitions/bant.json', import.meta.url),
  spiced: new URL('../../public/definitions/spiced.json', import.meta.url),
} as const;

const CANONICAL_STAGES = ['discover', 'qualify', 'solution', 'propose', 'negotiate', 'closed'];

const CRM_DEFAULT_STAGES = [
  // Salesforce default opportunity stages
  'Prospecting',
  'Qualification',
  'Needs Analysis',
  'Value Proposition',
  'Id. Decision Makers',
  'Perception Analysis',
  'Proposal/Price Quote',
  'Negotiation/Review',
  'Closed Won',
  'Closed Lost',
  // HubSpot default deal stages
  'Appointment Scheduled',
  'Qualified To Buy',
  'Presentation Scheduled',
  'Decision Maker Bought-In',
  'Contract Sent',
  // Dynamics 365 Sales' default business process flow stages
  '1-Qualify',
  '2-Develop',
  '3-Propose',
  '4-Close',
  // … and its Sales Stage field's options
  'Develop',
  'Close',
  // Pipedrive's default pipeline stages, current and earlier
  'Qualified',
  'Lead In',
  'Contact Made',
  'Needs Defined',
  'Demo Scheduled',
  'Proposal Made',
  'Negotiations Started',
];

function readJson(url: URL): unknown {
  return JSON.parse(readFileSync(url, 'utf8')) as unknown;
}

function parse(url: URL): Definitions {
  const result = DefinitionsV1Schema.safeParse(readJson(url));
  if (!result.success) {
    console.error(JSON.stringify(result.error.issues, null, 2));
  }
  expect(result.success).toBe(true);
  return result.data!;
}

describe.each(Object.entries(FILES))('built-in definitions %s.json', (id, url) => {
  it('is valid against DefinitionsV1Schema', () => {
    const result = DefinitionsV1Schema.safeParse(readJson(url));
    if (!result.success) {
      console.error(`${id}.json issues:\n${JSON.stringify(result.error.issues, null, 2)}`);
    }
    expect(result.success).toBe(true);
  });

  it('has the expected header fields', () => {
    const json = readJson(url) as Record<string, unknown>;
    expect(json.$schema).toBe('../definitions.schema.json');
    const definitions = parse(url);
    expect(definitions.id).toBe(id);
    expect(definitions.schemaVersion).toBe(1);
    expect(definitions.version).toBe('1.1.1');
    expect(definitions.description?.trim()).toBeTruthy();
    expect(definitions.staleAfterDays).toBe(30);
    expect(definitions.captureFields).toEqual(['lead_source', 'campaign', 'product_line', 'type']);
    expect(definitions.bands).toEqual([
      { id: 'unqualified', label: 'Unqualified', min: 0, max: 40 },
      { id: 'developing', label: 'Developing', min: 40, max: 70 },
      { id: 'qualified', label: 'Qualified', min: 70, max: 100 },
    ]);
  });

  it('defines levels 0-3 with observable evidence, not bare adjectives', () => {
    const definitions = parse(url);
    for (const criterion of definitions.criteria) {
      expect(
        criterion.levels.map((l) => l.value),
        criterion.id,
      ).toEqual([0, 1, 2, 3]);
      expect(criterion.definition.length, `${criterion.id} definition`).toBeGreaterThanOrEqual(40);
      for (const level of criterion.levels) {
        expect(level.evidence.length, `${criterion.id} level ${level.value} evidence`).toBeGreaterThanOrEqual(
          40,
        );
      }
    }
  });

  it('lists the canonical stages in order, each CRM default alias in exactly one stage', () => {
    const definitions = parse(url);
    expect(definitions.stages.map((s) => s.id)).toEqual(CANONICAL_STAGES);
    const owners = new Map<string, string[]>();
    for (const stage of definitions.stages) {
      for (const alias of stage.aliases ?? []) {
        const key = alias.toLowerCase();
        owners.set(key, [...(owners.get(key) ?? []), stage.id]);
      }
    }
    for (const [alias, stages] of owners) {
      expect(stages, `alias "${alias}"`).toHaveLength(1);
    }
    for (const crmStage of CRM_DEFAULT_STAGES) {
      expect(owners.has(crmStage.toLowerCase()), `alias "${crmStage}" is mapped`).toBe(true);
    }
  });

  it('labels no level like Unknown, which is the answer kept apart from every level', () => {
    expect(findDefinitionsWarnings(parse(url))).toEqual([]);
  });

  it('has progressive gates only for stages through negotiate', () => {
    const definitions = parse(url);
    const gatedStages = CANONICAL_STAGES.slice(0, CANONICAL_STAGES.indexOf('negotiate') + 1);
    for (const criterion of definitions.criteria) {
      const gates = criterion.gates ?? {};
      expect(Object.keys(gates).length, `${criterion.id} has gates`).toBeGreaterThan(0);
      let previous = 0;
      for (const stageId of CANONICAL_STAGES) {
        const minimum = gates[stageId];
        if (minimum === undefined) continue;
        expect(gatedStages, `${criterion.id} gate on ${stageId}`).toContain(stageId);
        expect(minimum, `${criterion.id} gate on ${stageId}`).toBeGreaterThanOrEqual(previous);
        previous = minimum;
      }
    }
  });

  it('has at least 18 calibration cases, each with its intended level on every criterion, spread across levels', () => {
    const definitions = parse(url);
    const cases = definitions.calibration ?? [];
    // A calibration session on the shipped cases alone must reach the closed loop's rewrite minimum.
    expect(cases.length).toBeGreaterThanOrEqual(DEFAULT_CLOSED_LOOP.rewriteMinUnits);
    expect(cases.length).toBeGreaterThanOrEqual(18);
    for (const c of cases) {
      expect(c.summary.length, c.id).toBeGreaterThanOrEqual(200);
      expect(Object.keys(c.intendedLevels ?? {}).sort(), c.id).toEqual(
        definitions.criteria.map((criterion) => criterion.id).sort(),
      );
    }
    // Every level intended at least twice, so a misread level can show in the session's agreement.
    for (const criterion of definitions.criteria) {
      for (const level of criterion.levels) {
        const intended = cases
          .filter((c) => c.intendedLevels![criterion.id] === level.value)
          .map((c) => c.id);
        expect(
          intended.length,
          `${criterion.id} level ${level.value} intended by ${intended.join(', ')}`,
        ).toBeGreaterThanOrEqual(2);
      }
    }
    const totals = cases.map((c) =>
      definitions.criteria.reduce((sum, criterion) => sum + c.intendedLevels![criterion.id]!, 0),
    );
    const maxTotal = definitions.criteria.length * 3;
    expect(
      totals.some((total) => total <= maxTotal / 4),
      'a weak deal',
    ).toBe(true);
    expect(
      totals.some((total) => total > maxTotal / 4 && total < (3 * maxTotal) / 4),
      'a middling deal',
    ).toBe(true);
    expect(
      totals.some((total) => total >= (3 * maxTotal) / 4),
      'a strong deal',
    ).toBe(true);
  });
});

describe('framework-specific shape', () => {
  it('MEDDPICC has its 8 criteria, economic buyer and champion weighted heaviest', () => {
    const definitions = parse(FILES.meddpicc);
    expect(definitions.criteria.map((c) => c.id)).toEqual([
      'metrics',
      'economic_buyer',
      'decision_criteria',
      'decision_process',
      'paper_process',
      'identify_pain',
      'champion',
      'competition',
    ]);
    const maxWeight = Math.max(...definitions.criteria.map((c) => c.weight));
    const heaviest = definitions.criteria.filter((c) => c.weight === maxWeight).map((c) => c.id);
    expect(heaviest.sort()).toEqual(['champion', 'economic_buyer']);
    const economicBuyer = definitions.criteria.find((c) => c.id === 'economic_buyer');
    expect(economicBuyer?.gates?.propose).toBeGreaterThanOrEqual(2);
  });

  it('MEDDICC has 7 criteria and no paper process', () => {
    const definitions = parse(FILES.meddicc);
    expect(definitions.criteria).toHaveLength(7);
    expect(definitions.criteria.some((c) => c.id === 'paper_process')).toBe(false);
  });

  it('BANT has budget, authority, need and timeline', () => {
    expect(parse(FILES.bant).criteria.map((c) => c.id)).toEqual(['budget', 'authority', 'need', 'timeline']);
  });

  it('SPICED has situation, pain, impact, critical event and decision', () => {
    expect(parse(FILES.spiced).criteria.map((c) => c.id)).toEqual([
      'situation',
      'pain',
      'impact',
      'critical_event',
      'decision',
    ]);
  });
});

describe('calibration answer keys', () => {
  it('refuses an intended level that names no criterion or no level of it', () => {
    const definitions = readJson(FILES.bant) as {
      calibration: { intendedLevels?: Record<string, number> }[];
    };
    definitions.calibration[0]!.intendedLevels = { budget: 7, nonsense: 1 };
    const result = DefinitionsV1Schema.safeParse(definitions);
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    expect(messages).toContain(
      'calibration.0.intendedLevels.budget: level value 7 is not a level of "budget"',
    );
    expect(messages).toContain(
      'calibration.0.intendedLevels.nonsense: names criterion "nonsense", which is not in criteria',
    );
  });
});
