import type { Page } from 'playwright-core';
import { isSidebarFrame } from '../../tests/support/browser/production-sidebar';

/** One save, timed inside the page from the click on "Save score". */
export interface SaveSample {
  /** Click → the status reads "Saving…": the sidebar's own render before the request. */
  savingMs: number;
  /** Click → the status reads "Saved at …": the background committed the score and the UI says so. */
  ackMs: number;
  /**
   * Click → the deal's history shows the new score. When the sidebar shows no history list, the last
   * change before it went quiet instead.
   */
  settledMs: number;
}

/** Timed saves, and the saves that did not complete (with what the sidebar showed). */
export interface SaveRun {
  samples: SaveSample[];
  failures: string[];
}

/** Without a history list, the sidebar counts as settled once its DOM has not changed for this long. */
const QUIET_MS = 100;
/** A run stops early after this many failed saves. */
const MAX_FAILURES = 5;

/**
 * Saves `count` times on the deal the page shows. Before each save it picks the next level of one
 * criterion (so every save is a real change), waits for "Unsaved changes", then clicks Save. All
 * timing is performance.now() in the sidebar's frame with a MutationObserver on its document;
 * the whole loop runs in the frame, so no Playwright round trip is inside a measurement. Each save
 * waits until the history shows it before the next, so saves do not overlap.
 */
export async function measureSaves(page: Page, count: number): Promise<SaveRun> {
  // The sidebar is our extension page, framed in the CRM page: the loop runs in that frame.
  const frame = page.frames().find(isSidebarFrame);
  if (!frame) throw new Error('No Yardstick sidebar frame on the page');
  return frame.evaluate(
    async ({ count, quietMs, maxFailures }) => {
      const root = document;
      const status = () => root.querySelector('.ys-save-status')?.textContent ?? '';
      const observe = (onChange: () => void) => {
        const observer = new MutationObserver(onChange);
        observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
        return observer;
      };
      const waitFor = (predicate: () => boolean, what: string, timeoutMs = 10_000) =>
        new Promise<number>((resolve, reject) => {
          if (predicate()) {
            resolve(performance.now());
            return;
          }
          const observer = observe(() => {
            if (!predicate()) return;
            const at = performance.now();
            observer.disconnect();
            clearTimeout(timer);
            resolve(at);
          });
          const timer = setTimeout(() => {
            observer.disconnect();
            reject(new Error(`timed out waiting for ${what} (status: "${status()}")`));
          }, timeoutMs);
        });
      // Resolves with the time of the last change once nothing changed for quietMs.
      const waitForQuiet = (since: number, timeoutMs = 10_000) =>
        new Promise<number>((resolve) => {
          let last = since;
          let quiet = setTimeout(done, quietMs);
          const observer = observe(() => {
            last = performance.now();
            clearTimeout(quiet);
            quiet = setTimeout(done, quietMs);
          });
          const cap = setTimeout(done, timeoutMs);
          function done() {
            observer.disconnect();
            clearTimeout(quiet);
            clearTimeout(cap);
            resolve(last);
          }
        });
      const saveButton = () =>
        Array.from(root.querySelectorAll('button')).find((button) =>
          /^(Save score|Saving…)$/.test(button.textContent ?? ''),
        );
      const ready = () => {
        const button = saveButton();
        return !!button && !button.disabled && !!root.querySelector('input[type="radio"]');
      };
      // The newest entry of the deal's history list (its time), or null when no list is shown.
      const newestInHistory = () => {
        const time = root.querySelector('.ys-history time');
        return time
          ? `${time.getAttribute('datetime')} ${root.querySelectorAll('.ys-history li').length}`
          : null;
      };
      const samples: { savingMs: number; ackMs: number; settledMs: number }[] = [];
      const failures: string[] = [];
      for (let i = 0; i < count && failures.length < maxFailures; i += 1) {
        try {
          await waitFor(ready, 'the sidebar to be ready');
          const groups = root.querySelectorAll('[role="radiogroup"]');
          const group = groups[i % groups.length];
          const radios = Array.from(group?.querySelectorAll<HTMLInputElement>('input[type="radio"]') ?? []);
          const current = radios.findIndex((radio) => radio.checked);
          radios[(current + 1) % radios.length]?.click();
          await waitFor(() => status().startsWith('Unsaved'), 'the draft to change');
          const newestBefore = newestInHistory();
          const clickedAt = performance.now();
          saveButton()?.click();
          const savingAt = await waitFor(() => !status().startsWith('Unsaved'), 'the save to start');
          const ackAt = await waitFor(() => status().startsWith('Saved at'), 'the save to be acknowledged');
          const settledAt =
            newestBefore === null
              ? await waitForQuiet(ackAt)
              : await waitFor(
                  () => newestInHistory() !== newestBefore && ready(),
                  'the history to show the new score',
                  30_000,
                );
          samples.push({
            savingMs: savingAt - clickedAt,
            ackMs: ackAt - clickedAt,
            settledMs: settledAt - clickedAt,
          });
        } catch (error) {
          failures.push(`save ${i + 1}: ${(error as Error).message}`);
          await waitForQuiet(performance.now());
        }
      }
      return { samples, failures };
    },
    { count, quietMs: QUIET_MS, maxFailures: MAX_FAILURES },
  );
}
