import { readdirSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

/** Where the loaders' entry files are: one `<crm>-loader.ts` per built-in CRM, plus the custom hosts'. */
export const CRM_LOADERS_DIR = path.resolve(import.meta.dirname, '../../entrypoints/crm-loaders');
const LOADER_ENTRY = /^([a-z0-9-]+-loader)\.ts$/;

/** A bundled loader, named as the manifest and the background name it (`<crm>-loader.js`). */
export interface BundledLoader {
  relativeDest: string;
  contents: string;
}

/**
 * Bundles each CRM loader into one plain script, outside WXT. A loader runs on every page of its CRM,
 * deal or not, and WXT's unlisted-script wrapper (a logger and a guarded `main`) is code that page
 * would compile and run for nothing; docs/performance.md has the traced difference.
 */
export async function bundleCrmLoaders(options: { minify: boolean }): Promise<BundledLoader[]> {
  const entries = readdirSync(CRM_LOADERS_DIR)
    .map((file) => LOADER_ENTRY.exec(file)?.[1])
    .filter((name): name is string => name !== undefined)
    .sort();
  return Promise.all(
    entries.map(async (name) => {
      const result = await build({
        entryPoints: [path.join(CRM_LOADERS_DIR, `${name}.ts`)],
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
