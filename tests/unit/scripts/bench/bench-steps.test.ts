import { benchSteps } from '../../../../scripts/bench/bench-steps';

describe('benchSteps', () => {
  it('hands every flag to the page bench, not to the audit bench that runs after it', () => {
    const args = ['--peer', '/peers/inspector/addon', '--runs', '5'];
    expect(benchSteps(args)).toEqual([
      { script: 'bench:page', args },
      { script: 'bench:audit', args: [] },
    ]);
  });

  it('runs both benches with no flags', () => {
    expect(benchSteps([]).map((step) => step.script)).toEqual(['bench:page', 'bench:audit']);
  });

  it('prints the page bench usage alone for --help', () => {
    expect(benchSteps(['--help'])).toEqual([{ script: 'bench:page', args: ['--help'] }]);
  });
});
