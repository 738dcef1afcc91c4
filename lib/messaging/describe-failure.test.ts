import Dexie from 'dexie';
import { describeFailure } from './describe-failure';

describe('describeFailure', () => {
  it('names a quota error as full storage, whether raw or wrapped by Dexie', () => {
    const raw = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    expect(describeFailure(raw)).toMatchObject({
      code: 'storage-full',
      message: expect.stringContaining('storage for Yardstick is full'),
    });
    const wrapped = new Dexie.QuotaExceededError('Transaction aborted', raw);
    expect(describeFailure(wrapped)).toMatchObject({ code: 'storage-full' });
  });

  it('names a closed or broken database as a storage failure', () => {
    expect(describeFailure(new Dexie.DatabaseClosedError('Database has been closed'))).toMatchObject({
      code: 'storage-failed',
      message: expect.stringContaining('Nothing was saved'),
    });
    expect(describeFailure(new Dexie.OpenFailedError('blocked'))).toMatchObject({ code: 'storage-failed' });
  });

  it('passes anything else through with its name', () => {
    expect(describeFailure(new TypeError('x is undefined'))).toEqual({
      code: 'internal',
      message: 'TypeError: x is undefined',
    });
    expect(describeFailure('plain')).toEqual({ code: 'internal', message: 'Error: plain' });
  });
});
