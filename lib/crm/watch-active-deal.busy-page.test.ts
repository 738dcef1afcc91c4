import type { DealPageState } from './deal-page-state';
import { watchActiveDeal, type WatchOptions } from './watch-active-deal';

const URL_42 = 'https://acme.lightning.force.com/lightning/r/Opportunity/0065e00000GlBxAAAV/view';
const NOW = new Date('2026-11-02T09:30:00.000Z');

let controller: AbortController;

beforeEach(() => {
  controller = new AbortController();
  document.body.innerHTML = `<div class="windowViewMode-normal active">
    <records-highlights2><h1><slot name="primaryField"><lightning-formatted-text id="name">Globex — Renewal</lightning-formatted-text></slot></h1></records-highlights2>
    <section class="feed">${'<article class="feed-item"><p>Call</p></article>'.repeat(20)}</section>
  </div>`;
});

afterEach(() => controller.abort());

/** Watches the Lightning record; `readMs` is how long each read takes on the watch's clock. */
function watch(readMs: number, options: Partial<WatchOptions> = {}) {
  const states: DealPageState[] = [];
  let reads = 0;
  let time = 0;
  // The watch times each read with two clock calls: one before, one after.
  const clock = () => {
    const start = time % 2 === 0;
    time += 1;
    if (start) reads += 1;
    return start ? 0 : readMs;
  };
  watchActiveDeal(
    document,
    URL_42,
    { signal: controller.signal, settleMs: 5, headerTimeoutMs: 5_000, now: () => NOW, clock, ...options },
    (state) => states.push(state),
  );
  return { states, reads: () => reads };
}

const nameOf = (state: DealPageState | undefined) =>
  state?.status === 'ready' ? state.snapshot.name.text : null;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('watchActiveDeal on a busy page', () => {
  it('does not read again after changes outside the regions that describe the record', async () => {
    const { states, reads } = watch(1);
    expect(reads()).toBe(1);
    for (const item of Array.from(document.querySelectorAll('.feed-item')))
      item.classList.add('is-highlighted');
    document.querySelector('.feed')!.append(document.createElement('article'));
    await wait(40);
    expect(reads()).toBe(1);
    document.getElementById('name')!.textContent = 'Globex — Expansion';
    await vi.waitFor(() => expect(nameOf(states.at(-1))).toBe('Globex — Expansion'));
    expect(reads()).toBe(2);
  });

  it('does not read a deal already shown again when the header timeout passes', async () => {
    const { states, reads } = watch(1, { headerTimeoutMs: 10 });
    await wait(40);
    expect(reads()).toBe(1);
    expect(states.map((state) => state.status)).toEqual(['ready']);
  });

  it('waits longer before the next read after a long read', async () => {
    const { states } = watch(50);
    document.getElementById('name')!.textContent = 'Globex — Expansion';
    await wait(40);
    expect(states).toHaveLength(1);
    await vi.waitFor(() => expect(nameOf(states.at(-1))).toBe('Globex — Expansion'), { timeout: 2_000 });
  });

  it('reads the last change of a burst, however long reads take', async () => {
    const { states } = watch(50, { maxSettleMs: 150 });
    const name = document.getElementById('name')!;
    for (let change = 1; change <= 6; change++) {
      name.textContent = `Globex — Change ${change}`;
      await wait(20);
    }
    await vi.waitFor(() => expect(nameOf(states.at(-1))).toBe('Globex — Change 6'), { timeout: 2_000 });
  });
});
