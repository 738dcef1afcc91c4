import { mayStillWrite, parseApiUsage } from './api-usage';

describe('parseApiUsage', () => {
  it('reads api-usage from the header, also beside per-app usage', () => {
    expect(parseApiUsage('api-usage=18/15000')).toEqual({ used: 18, limit: 15000 });
    expect(parseApiUsage('per-app-api-usage=17/250(appName=x), api-usage=25/5000')).toEqual({
      used: 25,
      limit: 5000,
    });
  });

  it.each([null, '', 'api-usage=abc/100', 'api-usage=5/0', 'per-app-api-usage=17/250'])(
    'gives null for %s',
    (header) => {
      expect(parseApiUsage(header)).toBeNull();
    },
  );
});

describe('mayStillWrite', () => {
  it('allows writing below the share of the daily limit and stops at it', () => {
    expect(mayStillWrite({ used: 7999, limit: 10000 }, 0.8)).toBe(true);
    expect(mayStillWrite({ used: 8000, limit: 10000 }, 0.8)).toBe(false);
    expect(mayStillWrite({ used: 10000, limit: 10000 }, 1)).toBe(false);
  });

  it('does not stop on unknown usage, and refuses a nonsense share as a bug', () => {
    expect(mayStillWrite(null, 0.5)).toBe(true);
    expect(() => mayStillWrite(null, 0)).toThrow(RangeError);
  });
});
