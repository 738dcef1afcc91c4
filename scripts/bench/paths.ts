import path from 'node:path';

/** The repository root. */
export const ROOT = path.resolve(import.meta.dirname, '../..');
/** Everything the bench writes (git-ignored). */
export const RESULTS_DIR = path.join(ROOT, 'bench-results');
/** The bench builds here (YARDSTICK_OUT_DIR), never into `.output/`, which the e2e tests use. */
export const BUILD_OUT_DIR = path.join(RESULTS_DIR, 'build');
/** The production build the bench measures. */
export const YARDSTICK_EXTENSION_DIR = path.join(BUILD_OUT_DIR, 'chrome-mv3');
/** The naive comparison: the same build with React mounted at once on every CRM page. */
export const EAGER_EXTENSION_DIR = path.join(RESULTS_DIR, 'eager-build', 'chrome-mv3');
/** Browser profiles of the bench, deleted after each run unless kept. */
export const PROFILES_DIR = path.join(RESULTS_DIR, 'profiles');
/** The performance write-up the bench regenerates. */
export const PERFORMANCE_DOC = path.join(ROOT, 'docs', 'performance.md');
/** The floor: the same build with an empty content script in place of the loader. */
export const FLOOR_EXTENSION_DIR = path.join(RESULTS_DIR, 'floor-build', 'chrome-mv3');
/** The same build with no content script on the CRM hosts: the extension without any page code. */
export const NO_CONTENT_SCRIPT_EXTENSION_DIR = path.join(
  RESULTS_DIR,
  'no-content-script-build',
  'chrome-mv3',
);
/** Seeded profiles for the scaling bench, reused while the database schema and browser are unchanged. */
export const SEEDED_PROFILES_DIR = path.join(RESULTS_DIR, 'seeded-profiles');
