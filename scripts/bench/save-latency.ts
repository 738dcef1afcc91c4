import type { Page } from 'playwright-core';

/** One save, timed inside the page from the click on "Save score". */
export interface SaveSample {
  /** Click → the status reads "Saving…": the sidebar's own render before the request. */
  savingMs: number;
  /** Click → the status reads "Saved at …": the background committed the score and the UI says so. */
  ackMs: number;
  /** Click → the sidebar is ready for the next score again (deal state reloaded, Save enabled). */
  settledMs: number;
}

/**
 * Saves `count` times on the deal the page shows. Before each save it picks the next level of one
 * criterion (so every save is a real change), waits for "Unsaved changes", then clicks Save. All
 * timing is performance.now() in the page with a MutationObserver on the sidebar's shadow root;
 * the whole loop runs in the page, so no Playwright round trip is inside a measurement.
 */
export async function measureSaves(page: Page, count: number): Promise<SaveSample[]> {
  return page.evaluate(async (count) => {
    const host = document.querySelector('yardstick-sidebar');
    const root = host?.shadowRoot;
    if (!root) throw new Error('No Yardstick sidebar on the page');
    const waitFor = (predicate: () => boolean, what: string, timeoutMs = 15_000) =>
      new Promise<number>((resolve, reject) => {
        if (predicate()) {
          resolve(performance.now());
          return;
        }
        const observer = new MutationObserver(() => {
          if (!predicate()) return;
          const at = performance.now();
          observer.disconnect();
          clearTimeout(timer);
          resolve(at);
        });
        observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`Timed out waiting for ${what} (status: "${status()}")`));
        }, timeoutMs);
      });
    const status = () => root.querySelector('.ys-save-status')?.textContent ?? '';
    const saveButton = () =>
      Array.from(root.querySelectorAll('button')).find((button) =>
        /^(Save score|Saving…)$/.test(button.textContent ?? ''),
      );
    const ready = () => {
      const button = saveButton();
      return !!button && !button.disabled && !!root.querySelector('input[type="radio"]');
    };
    const samples: { savingMs: number; ackMs: number; settledMs: number }[] = [];
    for (let i = 0; i < count; i += 1) {
      await waitFor(ready, 'the sidebar to be ready');
      const groups = root.querySelectorAll('[role="radiogroup"]');
      const group = groups[i % groups.length];
      const radios = Array.from(group?.querySelectorAll<HTMLInputElement>('input[type="radio"]') ?? []);
      const current = radios.findIndex((radio) => radio.checked);
      radios[(current + 1) % radios.length]?.click();
      await waitFor(() => status().startsWith('Unsaved'), 'the draft to change');
      const clickedAt = performance.now();
      saveButton()?.click();
      const savingAt = await waitFor(() => !status().startsWith('Unsaved'), 'the save to start');
      const ackAt = await waitFor(() => status().startsWith('Saved at'), 'the save to be acknowledged');
      const settledAt = await waitFor(ready, 'the sidebar to reload');
      samples.push({
        savingMs: savingAt - clickedAt,
        ackMs: ackAt - clickedAt,
        settledMs: settledAt - clickedAt,
      });
    }
    return samples;
  }, count);
}
