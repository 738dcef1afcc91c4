import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { routeLightning } from '../../tests/support/browser/crm-fixtures';
import { CHROMIUM_PATH, chromiumArgs } from '../../tests/support/browser/launch-browser';
import { PROFILES_DIR } from './paths';

/**
 * tsx compiles with esbuild's keepNames, which wraps functions in `__name(...)` calls. Functions
 * that Playwright serialises into the page or the service worker need that helper there too.
 */
export const NAME_HELPER = 'globalThis.__name = globalThis.__name || ((target) => target); void 0;';

/** A Chromium with at most one unpacked extension, serving the Lightning fixtures at real URLs. */
export interface BenchBrowser {
  label: string;
  extensionDir: string | null;
  context: BrowserContext;
  /** The extension's service worker, when it has one and it was waited for. */
  serviceWorker: Worker | null;
  profileDir: string;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** Launches Chromium for one column of the bench. */
export async function launchBenchBrowser(options: {
  label: string;
  extensionDir: string | null;
  /** Wait for the extension's service worker (Yardstick has one; a peer may not). */
  waitForServiceWorker?: boolean;
  /** Reuse this profile instead of a fresh one; it is not deleted on close. */
  profileDir?: string;
  /** Scripts every page runs before its own, in order. */
  initScripts?: string[];
}): Promise<BenchBrowser> {
  const { label, extensionDir } = options;
  if (extensionDir && !existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`${label}: no manifest.json in ${extensionDir}`);
  }
  mkdirSync(PROFILES_DIR, { recursive: true });
  const ownProfile = !options.profileDir;
  const profileDir = options.profileDir ?? mkdtempSync(path.join(PROFILES_DIR, 'profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: chromiumArgs(extensionDir),
    viewport: { width: 1400, height: 900 },
  });
  await context.addInitScript({ content: NAME_HELPER });
  for (const script of options.initScripts ?? []) await context.addInitScript({ content: script });
  await routeLightning(context);
  let serviceWorker: Worker | null = null;
  if (extensionDir && options.waitForServiceWorker) {
    serviceWorker =
      context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    await serviceWorker.evaluate(NAME_HELPER);
  }
  // The persistent context opens a blank tab; the bench opens its own tabs.
  return {
    label,
    extensionDir,
    context,
    serviceWorker,
    profileDir,
    newPage: () => context.newPage(),
    async close() {
      await context.close().catch(() => undefined);
      if (ownProfile) rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** The extension's service worker, waking it if Chromium stopped it while idle. */
export async function serviceWorkerOf(browser: BenchBrowser): Promise<Worker> {
  const current = browser.context.serviceWorkers()[0];
  if (current) {
    await current.evaluate(NAME_HELPER);
    return current;
  }
  throw new Error(`${browser.label}: the extension's service worker is not running`);
}

/**
 * Stops the extension's service worker, as Chromium does after 30 s idle, so that the next request
 * starts it again. Returns a check, to call after the measurement, that the worker really restarted
 * (a marker set in its global scope before the stop is gone).
 */
export async function stopServiceWorker(browser: BenchBrowser): Promise<() => Promise<boolean>> {
  const worker = await serviceWorkerOf(browser);
  await worker.evaluate('globalThis.__benchBeforeStop = true; void 0;');
  const page = await browser.newPage();
  try {
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
  } finally {
    await page.close();
  }
  await new Promise((resolve) => setTimeout(resolve, 300));
  return async () => (await worker.evaluate('globalThis.__benchBeforeStop === true')) !== true;
}
