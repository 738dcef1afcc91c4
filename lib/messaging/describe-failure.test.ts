import { describeFailure } from './describe-failure';

describe('describeFailure', () => {
  it('names a quota error as full storage, whether raw or wrapped as Dexie does', () => {
    const raw = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    expect(describeFailure(raw)).toMatchObject({
      code: 'storage-full',
      message: expect.stringContaining('storage for Yardstick is full'),
    });
    // Dexie wraps the DOM error in one of its own, of the same name, with the original as `inner`.
    const wrapped = Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: raw });
    expect(describeFailure(wrapped)).toMatchObject({ code: 'storage-full' });
  });

  it('names a closed or broken database as a storage failure', () => {
    const named = (name: string, message: string) => Object.assign(new Error(message), { name });
    expect(describeFailure(named('DatabaseClosedError', 'Database has been closed'))).toMatchObject({
      code: 'storage-failed',
      message: expect.stringContaining('Nothing was saved'),
    });
    expect(describeFailure(named('OpenFailedError', 'blocked'))).toMatchObject({ code: 'storage-failed' });
  });

  it('passes anything else through with its name', () => {
    expect(describeFailure(new TypeError('x is undefined'))).toEqual({
      code: 'internal',
      message: 'TypeError: x is undefined',
    });
    expect(describeFailure('plain')).toEqual({ code: 'internal', message: 'Error: plain' });
  });
});
