import { alphaCoverage, aucCoverage, populationAlpha, wilsonCoverage } from './interval-coverage';

describe('interval coverage machinery', () => {
  it('gives α = 1 for raters who always read the truth, and a lower α for noisier ones', () => {
    expect(populationAlpha({ readsTrue: 1, raters: 3, levels: 4 }, 500)).toBe(1);
    const good = populationAlpha({ readsTrue: 0.85, raters: 3, levels: 4 }, 5000);
    const poor = populationAlpha({ readsTrue: 0.55, raters: 3, levels: 4 }, 5000);
    expect(good).toBeGreaterThan(poor);
    expect(poor).toBeGreaterThan(0);
  });

  it('counts how often an interval covers the truth, and misses a wrong truth', () => {
    const right = wilsonCoverage(0.5, 40, 100, 1);
    expect(right).toMatchObject({ interval: 'wilson', dataSets: 100, drawn: 100 });
    expect(right.coverage).toBeGreaterThan(0.85);
    expect(right.coverage).toBe(right.covered / right.drawn);
    const auc = aucCoverage(0.75, 30, 30, 60, 2);
    expect(auc.drawn).toBe(60);
    expect(auc.coverage).toBeGreaterThan(0.8);
  });

  it('runs the α bootstrap on each data set, reproducibly', () => {
    const spec = { readsTrue: 0.85, raters: 3, levels: 4 };
    const truth = populationAlpha(spec, 5000);
    const row = alphaCoverage(spec, truth, 30, 20, 5, { replicates: 200 });
    expect(row).toEqual(alphaCoverage(spec, truth, 30, 20, 5, { replicates: 200 }));
    expect(row.drawn).toBe(20);
    expect(row.covered).toBeGreaterThan(14);
    // A truth far outside the data is (almost) never covered: the count can fail.
    expect(alphaCoverage(spec, -0.5, 30, 20, 5, { replicates: 200 }).covered).toBe(0);
  });
});
