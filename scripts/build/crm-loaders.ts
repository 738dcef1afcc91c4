import { readdirSync } from 'node:fs';
import path from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { BUILT_IN_CRMS } from '../../lib/crm/built-in-crms';

/** Where the custom hosts' loader and what every loader shares (page-loader-env.ts) are. */
export const CRM_LOADERS_DIR = path.resolve(import.meta.dirname, '../../entrypoints/crm-loaders');
const LOADER_ENTRY = /^([a-z0-9-]+-loader)\.ts$/;

/** A bundled loader, named as the manifest and the background name it (`<crm>-loader.js`). */
export interface BundledLoader {
  relativeDest: string;
  contents: string;
}

/**
 * A built-in CRM's loader: its URL check (`lib/crm/<crm>/url.ts`) and the loader's logic, nothing
 * else. Written here from the CRM's id, so that a CRM's folder is all a new CRM needs for its loader.
 */
export function builtInLoaderSource(crm: string): string {
  return [
    `import { startLoader } from '../../lib/crm/deal-page-loader';`,
    `import { showsDeal } from '../../lib/crm/${crm}/url';`,
    `import { THIS_EXTENSION } from './page-loader-env';`,
    `startLoader(showsDeal, THIS_EXTENSION);`,
  ].join('\n');
}

/**
 * Bundles each CRM loader into one plain script, outside WXT: one per built-in CRM, run by the
 * manifest on that CRM's hosts, plus the custom hosts' (custom-crm-loader.ts). A loader runs on every
 * page of its CRM, deal or not, and WXT's unlisted-script wrapper (a logger and a guarded `main`) is
 * code that page would compile and run for nothing; docs/performance.md has the traced difference.
 */
export async function bundleCrmLoaders(options: { minify: boolean }): Promise<BundledLoader[]> {
  const fileEntries = readdirSync(CRM_LOADERS_DIR)
    .map((file) => LOADER_ENTRY.exec(file)?.[1])
    .filter((name): name is string => name !== undefined)
    .map((name) => ({ name, entry: { entryPoints: [path.join(CRM_LOADERS_DIR, `${name}.ts`)] } }));
  const builtInEntries = BUILT_IN_CRMS.map((crm) => ({
    name: `${crm.id}-loader`,
    entry: {
      stdin: {
        contents: builtInLoaderSource(crm.id),
        resolveDir: CRM_LOADERS_DIR,
        sourcefile: `${crm.id}-loader.ts`,
        loader: 'ts' as const,
      },
      // A stdin entry finds no tsconfig.json of its own; the files' one makes the bundles strict alike.
      tsconfig: path.resolve(CRM_LOADERS_DIR, '../../tsconfig.json'),
    },
  }));
  const entries = [...fileEntries, ...builtInEntries].sort((a, b) => a.name.localeCompare(b.name));
  return Promise.all(
    entries.map(async ({ name, entry }) => {
      const result = await build({
        ...(entry satisfies BuildOptions),
        bundle: true,
        write: false,
        format: 'iife',
        platform: 'browser',
        target: 'es2022',
        minify: options.minify,
        legalComments: 'none',
        // `report` in builds made for the e2e tests only (package.json's build:e2e): see page-loader-env.ts.
        define: {
          'import.meta.env.YARDSTICK_REPORT_LOADER_VERDICTS': JSON.stringify(
            process.env.YARDSTICK_REPORT_LOADER_VERDICTS ?? '',
          ),
        },
        logLevel: 'silent',
      });
      const output = result.outputFiles[0];
      if (!output) throw new Error(`esbuild wrote nothing for ${name}`);
      return { relativeDest: `${name}.js`, contents: output.text };
    }),
  );
}
