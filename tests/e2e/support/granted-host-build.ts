import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TEST_EXTENSION_PUBLIC_KEY } from './keyed-build';
import { EXTENSION_DIR } from '../../support/browser/launch-browser';

/**
 * A copy of the production build with the test key (so a policy file can name its fixed id) and,
 * optionally, host permissions that count as already granted.
 *
 * Why: headless Chromium 156 cannot answer the `permissions.request` prompt. Called from an extension
 * page it stays pending forever (with or without a user gesture), and `chrome.developerPrivate.
 * addHostPermission` on chrome://extensions only re-grants withheld manifest hosts, not optional ones.
 * A host the manifest already grants makes `permissions.request` resolve true at once with no prompt,
 * exactly as for a rep who granted it before; everything after the grant (the options page's sync,
 * the background's runtime registration, the loader and sidebar on that host) is the production code.
 */
export function prepareExtensionCopy(options: { grantedHosts?: string[] } = {}): {
  extensionDir: string;
  remove(): void;
} {
  const root = mkdtempSync(path.join(tmpdir(), 'yardstick-build-'));
  const extensionDir = path.join(root, 'chrome-mv3');
  cpSync(EXTENSION_DIR, extensionDir, { recursive: true });
  const manifestPath = path.join(extensionDir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  manifest.key = TEST_EXTENSION_PUBLIC_KEY;
  const hostPermissions = manifest.host_permissions as string[];
  manifest.host_permissions = [...hostPermissions, ...(options.grantedHosts ?? [])];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return { extensionDir, remove: () => rmSync(root, { recursive: true, force: true }) };
}
