import definitionsJson from '../../tests/fixtures/definitions/two-criteria.json';
import { DefinitionsV1Schema } from '../definitions/schema-v1';
import type { Answer } from './answer';
import { bandFor, computeScore, UnknownLevelError } from './compute-score';

const definitions = DefinitionsV1Schema.parse(definitionsJson);
const answer = (criterionId: string, level: number | null): Answer => ({ criterionId, level, evidence: '' });

describe('computeScore', () => {
  it('gives 100 when every criterion is at its top level', () => {
    const result = computeScore(definitions, [answer('champion', 2), answer('metrics', 10)]);
    expect(result.total).toBe(100);
    expect(result.band.id).toBe('high');
    expect(result.unknownCount).toBe(0);
  });

  it('weights attainment by criterion weight over the level range', () => {
    // champion: (1-0)/(2-0) = 0.5 × 75 points; metrics: (5-1)/(10-1) = 0.444… × 25 points
    const result = computeScore(definitions, [answer('champion', 1), answer('metrics', 5)]);
    expect(result.total).toBe(48.6);
    expect(result.band.id).toBe('mid');
  });

  it('scores the lowest level as zero points but as known', () => {
    const result = computeScore(definitions, [answer('champion', 0), answer('metrics', 1)]);
    expect(result.total).toBe(0);
    expect(result.knownCount).toBe(2);
    expect(result.ceiling).toBe(0);
  });

  it('keeps Unknown distinct from the lowest level: no points, but a ceiling above the total', () => {
    const result = computeScore(definitions, [answer('champion', null), answer('metrics', 1)]);
    expect(result.total).toBe(0);
    expect(result.unknownCount).toBe(1);
    expect(result.knownCount).toBe(1);
    expect(result.ceiling).toBe(75);
    expect(result.contributions[0]).toMatchObject({ criterionId: 'champion', attainment: null, points: 0 });
  });

  it('treats a criterion with no answer as Unknown', () => {
    const result = computeScore(definitions, [answer('metrics', 10)]);
    expect(result.total).toBe(25);
    expect(result.unknownCount).toBe(1);
  });

  it('refuses a level value the criterion does not define', () => {
    expect(() => computeScore(definitions, [answer('champion', 7)])).toThrow(UnknownLevelError);
  });
});

describe('bandFor', () => {
  it('puts a band boundary in the upper band and 100 in the top band', () => {
    expect(bandFor(definitions.bands, 39.9).id).toBe('low');
    expect(bandFor(definitions.bands, 40).id).toBe('mid');
    expect(bandFor(definitions.bands, 70).id).toBe('high');
    expect(bandFor(definitions.bands, 100).id).toBe('high');
  });
});
