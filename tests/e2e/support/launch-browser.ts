import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

/** The production build, exactly as a user would install it (`npm run build`). */
export const PRODUCTION_EXTENSION_DIR = path.resolve(import.meta.dirname, '../../../.output/chrome-mv3');

/**
 * The build most tests load (`npm run build:e2e`): the production code and manifest, except that the
 * sidebar's shadow root is open, because Playwright's locators cannot pierce a closed one. The page
 * isolation test runs against the production build.
 */
export const EXTENSION_DIR = path.resolve(import.meta.dirname, '../../../.output/e2e/chrome-mv3');

/** Debian's Chromium; tests never download a browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A running Chromium with the extension loaded. */
export interface ExtensionBrowser {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  profileDir: string;
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

/** Flags that keep Chromium quiet on a machine without internet, plus the two that load the extension. */
export function chromiumArgs(extensionDir: string | null): string[] {
  const base = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
  ];
  if (!extensionDir) return base;
  return [...base, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`];
}

/** Launches Chromium with the built extension in a fresh (or given) profile. */
export async function launchWithExtension(
  options: { profileDir?: string; headless?: boolean; extensionDir?: string; extraArgs?: string[] } = {},
): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`No build at ${extensionDir}: run "npm run build" and "npm run build:e2e" first.`);
  }
  const profileDir = options.profileDir ?? mkdtempSync(path.join(tmpdir(), 'yardstick-e2e-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    args: [...chromiumArgs(extensionDir), ...(options.extraArgs ?? [])],
    viewport: { width: 1400, height: 900 },
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    serviceWorker,
    extensionId,
    profileDir,
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (!keepProfile) rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
