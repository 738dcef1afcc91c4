import { orgIdFromSessionId } from './session-id';

describe('orgIdFromSessionId', () => {
  it('takes the org id before "!" and gives its 18-character form', () => {
    expect(orgIdFromSessionId('00D5g000004abcD!AQ4AQJ.secret.part')).toEqual({
      ok: true,
      value: '00D5g000004abcDEAQ',
    });
  });

  it('keeps an 18-character org id whose checksum matches', () => {
    expect(orgIdFromSessionId('00D5g000004abcDEAQ!AQ4')).toEqual({ ok: true, value: '00D5g000004abcDEAQ' });
  });

  it.each([
    ['no separator', 'AQ4AQJsecret'],
    ['not an org id', '0065g000004abcD!AQ4'],
    ['a wrong checksum', '00D5g000004abcDZZZ!AQ4'],
    ['an empty org part', '!AQ4'],
  ])('refuses a cookie with %s', (_case, sid) => {
    expect(orgIdFromSessionId(sid)).toEqual({
      ok: false,
      error: expect.stringContaining('not a Salesforce session id'),
    });
  });
});
