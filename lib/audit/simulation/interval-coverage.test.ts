import {
  alphaCoverage,
  aucCoverage,
  populationAlpha,
  wilsonCoverage,
  wilsonExactCoverage,
  wilsonSpreadCoverage,
} from './interval-coverage';

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

  it('sums the Wilson coverage exactly: 0 and 5 of 5 miss a win rate of 0.5, so 30/32', () => {
    expect(wilsonExactCoverage(0.5, 5)).toBeCloseTo(30 / 32, 12);
    expect(wilsonCoverage(0.5, 5, 10, 3).exact).toBeCloseTo(30 / 32, 12);
  });

  it('draws a fresh win rate per data set for the spread rows, reproducibly', () => {
    const row = wilsonSpreadCoverage(0.1, 0.9, 20, 200, 4);
    expect(row).toEqual(wilsonSpreadCoverage(0.1, 0.9, 20, 200, 4));
    expect(row).toMatchObject({ truth: 'win rate 0.1–0.9', size: '20 deals', drawn: 200 });
    expect(row.coverage).toBeGreaterThan(0.85);
  });
});
