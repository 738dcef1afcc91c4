import { existsSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIREFOX_ADDON_ID } from '../../../scripts/build/firefox-manifest';

/**
 * The Firefox test build (`npm run build:firefox:e2e`): the production code and manifest, except that
 * the sidebar's shadow root is open so that selectors can pierce it, as for Chromium's e2e build.
 */
export const FIREFOX_EXTENSION_DIR = path.resolve(import.meta.dirname, '../../../.output/e2e/firefox-mv3');

/** Debian's Firefox ESR; tests never download a browser. */
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/**
 * The extension's moz-extension:// host. Firefox picks a random one per profile unless the
 * `extensions.webextensions.uuids` pref names it, which lets tests open the options page.
 */
export const EXTENSION_UUID = '6f1b3c52-8d7e-4a19-9c2b-5e4f0a1d7c83';

/** The extension's own pages, as `moz-extension://<uuid>/<page>`. */
export const extensionPage = (page: string) => `moz-extension://${EXTENSION_UUID}/${page}`;

/** A running Firefox with the extension installed as a temporary add-on. */
export interface ExtensionFirefox {
  browser: Browser;
  /** Opens a new tab. */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** Launches Firefox ESR over WebDriver BiDi with a fresh profile and installs the built extension. */
export async function launchFirefoxWithExtension(
  options: { extensionDir?: string } = {},
): Promise<ExtensionFirefox> {
  const extensionDir = options.extensionDir ?? FIREFOX_EXTENSION_DIR;
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`No build at ${extensionDir}: run "npm run build:firefox:e2e" first.`);
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    protocol: 'webDriverBiDi',
    headless: true,
    // As the Chromium tests: at Puppeteer's 800×600 the sidebar's sticky score covers the levels it scrolls to.
    defaultViewport: { width: 1400, height: 900 },
    // WebDriver BiDi navigates only to web URLs unless this is given; the tests open moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: EXTENSION_UUID }),
    },
  });
  try {
    const installedId = await browser.installExtension(extensionDir);
    if (installedId !== FIREFOX_ADDON_ID) {
      throw new Error(`Firefox installed ${installedId}, not the manifest's id ${FIREFOX_ADDON_ID}.`);
    }
  } catch (error) {
    await browser.close();
    throw error;
  }
  return {
    browser,
    newPage: () => browser.newPage(),
    close: () => browser.close(),
  };
}
