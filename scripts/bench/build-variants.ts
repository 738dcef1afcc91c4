import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BUILD_OUT_DIR, ROOT, YARDSTICK_EXTENSION_DIR } from './paths';

/** The loader the bench's Lightning fixtures run, and the sidebar's in-page dock, as the production manifest and background name them. */
const LOADER_SCRIPT = 'salesforce-lightning-loader.js';
/** Every CRM's loader in the manifest is named `<crm>-loader.js`. */
const LOADER_FILE = /^[a-z0-9-]+-loader\.js$/;
export const SIDEBAR_SCRIPT = 'sidebar-dock.js';

interface ContentScript {
  matches: string[];
  js?: string[];
  css?: string[];
  run_at?: string;
}

interface Manifest {
  name: string;
  content_scripts?: ContentScript[];
  web_accessible_resources?: { resources: string[]; matches: string[] }[];
  [key: string]: unknown;
}

/**
 * Builds the extension into bench-results/build (never .output/, which the e2e tests use): the production
 * code with the dock's shadow root open. The bench times the sidebar inside its frame either way; the
 * mode changes one `attachShadow` argument and nothing the bench measures.
 */
export function buildYardstick(): void {
  rmSync(BUILD_OUT_DIR, { recursive: true, force: true });
  execFileSync(path.join(ROOT, 'node_modules', '.bin', 'wxt'), ['build'], {
    cwd: ROOT,
    env: { ...process.env, WXT_SIDEBAR_SHADOW_MODE: 'open', YARDSTICK_OUT_DIR: BUILD_OUT_DIR },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** Reads a built extension's manifest. */
export function readManifest(extensionDir: string): Manifest {
  return JSON.parse(readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8')) as Manifest;
}

function copyWithManifest(to: string, edit: (manifest: Manifest) => Manifest): void {
  rmSync(to, { recursive: true, force: true });
  mkdirSync(path.dirname(to), { recursive: true });
  cpSync(YARDSTICK_EXTENSION_DIR, to, { recursive: true });
  writeFileSync(path.join(to, 'manifest.json'), JSON.stringify(edit(readManifest(to)), null, 2));
}

/** The manifest's loader entries (one per built-in CRM); throws when the bench's own loader is not among them. */
function loaderEntries(manifest: Manifest): ContentScript[] {
  const loaders = (manifest.content_scripts ?? []).filter((script) =>
    script.js?.some((file) => LOADER_FILE.test(file)),
  );
  if (!loaders.some((script) => script.js?.includes(LOADER_SCRIPT)))
    throw new Error(`The built manifest has no content script ${LOADER_SCRIPT}`);
  return loaders;
}

/**
 * The naive approach: the same build, with the sidebar's dock as the manifest's content script on every
 * CRM page instead of the loaders, so the dock and its framed UI start at once everywhere. The loaders
 * are dropped so the background is never asked to inject a second copy. The frame's page and styles are
 * web-accessible already (the dock frames them on deal pages).
 */
export function makeEagerBuild(to: string): void {
  copyWithManifest(to, (manifest) => {
    const loaders = loaderEntries(manifest);
    const matches = loaders.flatMap((loader) => loader.matches);
    return {
      ...manifest,
      name: `${manifest.name} (bench: eager)`,
      content_scripts: [
        ...(manifest.content_scripts ?? []).filter((script) => !loaders.includes(script)),
        { matches, run_at: 'document_idle', js: [SIDEBAR_SCRIPT] },
      ],
    };
  });
}

/**
 * The extension without page code: the same build with the loaders taken out of the manifest. Against
 * the bare page it shows what having the extension installed costs a page (its browser was launched with
 * an extension, a service worker runs), so that the loader's own cost is the Yardstick column minus this
 * one.
 */
export function makeNoContentScriptBuild(to: string): void {
  copyWithManifest(to, (manifest) => {
    const loaders = loaderEntries(manifest);
    return {
      ...manifest,
      name: `${manifest.name} (bench: no content script)`,
      content_scripts: (manifest.content_scripts ?? []).filter((script) => !loaders.includes(script)),
    };
  });
}

/**
 * The floor: the same build with an empty content script in each loader's place. What it costs is
 * Chromium's price for any content script (an isolated world per page), not Yardstick's code.
 */
export function makeFloorBuild(to: string): void {
  copyWithManifest(to, (manifest) => {
    const loaders = loaderEntries(manifest);
    // The build has no content-scripts/ folder of its own since the sidebar left the content scripts.
    mkdirSync(path.join(to, 'content-scripts'), { recursive: true });
    writeFileSync(path.join(to, 'content-scripts', 'empty.js'), '// bench floor: an empty content script\n');
    return {
      ...manifest,
      name: `${manifest.name} (bench: empty content script)`,
      content_scripts: (manifest.content_scripts ?? []).map((script) =>
        loaders.includes(script) ? { ...script, js: ['content-scripts/empty.js'] } : script,
      ),
    };
  });
}
