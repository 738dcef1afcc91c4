import { scriptTimeByFile, shortScript, timeByKind } from '../../../../scripts/bench/trace-breakdown';

const EXT = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

/** One task (10 ms) running the dock's script (6 ms), which compiles (2 ms) and forces a layout (1 ms); then a page task. */
const events = [
  { name: 'RunTask', ts: 0, dur: 10_000, url: '' },
  { name: 'EvaluateScript', ts: 1_000, dur: 6_000, url: `${EXT}/sidebar-dock.js` },
  { name: 'v8.compile', ts: 1_000, dur: 2_000, url: `${EXT}/sidebar-dock.js` },
  { name: 'Layout', ts: 5_000, dur: 1_000, url: '' },
  { name: 'RunTask', ts: 20_000, dur: 4_000, url: '' },
  { name: 'FunctionCall', ts: 20_500, dur: 3_000, url: 'https://crm.example/app.js' },
];
const fromExtension = (event: { url: string }) => event.url.startsWith('chrome-extension://');

describe('timeByKind', () => {
  it("counts only the extension's subtrees, each event's own time once, a forced layout as layout", () => {
    const byKind = timeByKind(events, fromExtension);
    expect(byKind.compile).toBeCloseTo(2);
    expect(byKind.script).toBeCloseTo(3);
    expect(byKind.layout).toBeCloseTo(1);
    expect(byKind.other).toBeCloseTo(0);
  });

  it('sums to every task when every event counts', () => {
    const byKind = timeByKind(events, () => true);
    const total = Object.values(byKind).reduce((sum, ms) => sum + ms, 0);
    expect(total).toBeCloseTo(14);
    expect(byKind.script).toBeCloseTo(6);
    expect(byKind.other).toBeCloseTo(5);
  });
});

describe('scriptTimeByFile', () => {
  it("puts script and compile time under the script's file, without the extension's origin", () => {
    expect(scriptTimeByFile(events, () => true)).toEqual({
      'sidebar-dock.js': 5,
      'https://crm.example/app.js': 3,
    });
  });

  it('drops the query of a page script', () => {
    expect(shortScript('https://crm.example/app.js?v=2')).toBe('https://crm.example/app.js');
  });
});

describe('timeByKind on CPU time', () => {
  it("counts the thread's CPU time, leaving out the time another process held the core", () => {
    const loaded = [
      { name: 'RunTask', ts: 0, dur: 10_000, tdur: 4_000, url: '' },
      { name: 'EvaluateScript', ts: 1_000, dur: 8_000, tdur: 3_000, url: `${EXT}/sidebar-dock.js` },
    ];
    expect(timeByKind(loaded, fromExtension, 'cpu').script).toBeCloseTo(3);
    expect(timeByKind(loaded, fromExtension, 'wall').script).toBeCloseTo(8);
  });
});
