import { createReadBackoff } from './read-backoff';

const options = { baseMs: 40, longReadMs: 8, maxMs: 8_000 };

describe('createReadBackoff', () => {
  it('waits the base time while reads are cheap', () => {
    const backoff = createReadBackoff(options);
    backoff.recordRead(3);
    expect(backoff.delayMs()).toBe(40);
  });

  it('doubles the wait after each long read, at least to twice the read, up to the maximum', () => {
    const backoff = createReadBackoff(options);
    backoff.recordRead(20);
    expect(backoff.delayMs()).toBe(80);
    backoff.recordRead(20);
    expect(backoff.delayMs()).toBe(160);
    backoff.recordRead(700);
    expect(backoff.delayMs()).toBe(1_400);
    for (let read = 0; read < 10; read++) backoff.recordRead(700);
    expect(backoff.delayMs()).toBe(8_000);
  });

  it('goes back to the base wait after a cheap read', () => {
    const backoff = createReadBackoff(options);
    backoff.recordRead(500);
    backoff.recordRead(2);
    expect(backoff.delayMs()).toBe(40);
  });
});
