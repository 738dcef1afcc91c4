import definitionsJson from '../../tests/fixtures/definitions/two-criteria.json';
import { DefinitionsV1Schema } from '../definitions/schema-v1';
import type { Answer } from './answer';
import { findGateShortfalls, resolveStage } from './stage-gates';

const definitions = DefinitionsV1Schema.parse(definitionsJson);
const answer = (criterionId: string, level: number | null): Answer => ({ criterionId, level, evidence: '' });

describe('resolveStage', () => {
  it('maps a CRM stage name through aliases, ignoring case and spacing', () => {
    const resolution = resolveStage(definitions, '  proposal/price QUOTE ');
    expect(resolution).toMatchObject({ kind: 'mapped', stage: { id: 'propose' } });
  });

  it('maps through stageMap', () => {
    expect(resolveStage(definitions, 'Contract Sent')).toMatchObject({
      kind: 'mapped',
      stage: { id: 'negotiate' },
    });
  });

  it('reports a stage the definitions do not know as unmapped, not as no gates', () => {
    expect(resolveStage(definitions, 'Perception Analysis')).toEqual({
      kind: 'unmapped',
      crmStage: 'Perception Analysis',
    });
  });

  it('reports a stage that could not be read as unknown', () => {
    expect(resolveStage(definitions, null)).toEqual({ kind: 'stage-unknown' });
  });
});

describe('findGateShortfalls', () => {
  it('names criteria below the stage minimum and those still Unknown', () => {
    const shortfalls = findGateShortfalls(definitions, 'propose', [
      answer('champion', null),
      answer('metrics', 1),
    ]);
    expect(shortfalls).toEqual([
      expect.objectContaining({
        criterionId: 'champion',
        requiredLevel: 1,
        requiredLabel: 'Coach',
        reason: 'unknown',
      }),
      expect.objectContaining({ criterionId: 'metrics', requiredLevel: 5, actualLevel: 1, reason: 'below' }),
    ]);
  });

  it('carries earlier stage gates forward through the pipeline', () => {
    const shortfalls = findGateShortfalls(definitions, 'negotiate', [
      answer('champion', 2),
      answer('metrics', 1),
    ]);
    expect(shortfalls.map((s) => s.criterionId)).toEqual(['metrics']);
  });

  it('is empty when every gate is met', () => {
    expect(
      findGateShortfalls(definitions, 'negotiate', [answer('champion', 2), answer('metrics', 5)]),
    ).toEqual([]);
  });

  it('treats a stage named like an Object property (constructor) as an ordinary stage', () => {
    const hostile = DefinitionsV1Schema.parse({
      ...definitionsJson,
      stages: [{ id: 'constructor', name: 'Constructor' }, ...definitionsJson.stages],
    });
    expect(resolveStage(hostile, 'Constructor')).toMatchObject({
      kind: 'mapped',
      stage: { id: 'constructor' },
    });
    expect(
      findGateShortfalls(hostile, 'constructor', [answer('champion', null), answer('metrics', 1)]),
    ).toEqual([]);
    expect(
      findGateShortfalls(hostile, 'qualify', [answer('champion', null), answer('metrics', 1)]).map(
        (s) => s.requiredLevel,
      ),
    ).toEqual([5]);
  });
});
