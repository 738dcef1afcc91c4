import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * Public half of a throwaway RSA key, used only for test builds so the extension id is fixed and an
 * enterprise policy file can name it. Production builds carry no key.
 */
export const TEST_EXTENSION_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA683593kFOJgqNQlsvdnyQejCV+PF+sINu+kMzy4LjUy5xMWFgZSzQBVP/Klx4y7Izhydna1baFkdL6SJ1vHjbxGNyBmFmwInKY89jnMvX4rK612X6o1Rjbw9ZxJovLfPew9QdgHmdljrhmCyJb8LXwpehhUGEepJp8Gvy+Ph7N/9B2GWjQI36WmL/PokPie0uncNkZCdMAqA1TbR8pd9/g7CEbeCBedN1Sq1R/FXwIw1k/oyO5ETs0jVGrpk9FERmgHr+NqexU4xOPn4NM8ZVtiqZi20q3viBfAEAdbRRT6ctSvN7bStUq87Qb42KIVekvEHgoMpEGQcKDVXxxPjjwIDAQAB';

/** The id Chromium derives from TEST_EXTENSION_PUBLIC_KEY. */
export const TEST_EXTENSION_ID = 'jfhfaanlhalkddeacikgjbpekonkgjnn';

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');

/** Builds the e2e variant (open shadow root) with the test key into its own directory; returns the extension dir. */
export function buildKeyedExtension(): string {
  const outDir = path.join(REPO_ROOT, '.output', 'keyed');
  execFileSync('npx', ['wxt', 'build'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      WXT_SIDEBAR_SHADOW_MODE: 'open',
      YARDSTICK_TEST_KEY: TEST_EXTENSION_PUBLIC_KEY,
      YARDSTICK_OUT_DIR: outDir,
    },
    stdio: 'pipe',
  });
  return path.join(outDir, 'chrome-mv3');
}
