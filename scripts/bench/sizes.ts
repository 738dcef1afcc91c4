import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** One built file of an entrypoint. */
export interface FileSize {
  file: string;
  entrypoint: string;
  raw: number;
  gzip: number;
}

const CODE = /\.(js|css|html)$/;

/** Which entrypoint a built file belongs to (WXT names chunks and assets after their entrypoint). */
function entrypointOf(file: string): string {
  const base = path.basename(file).replace(/\.(js|css|html)$/, '');
  return base.replace(/-[A-Za-z0-9_-]{8}$/, '');
}

/** Raw and gzip (node:zlib, level 9) sizes of every script, stylesheet and page of a build. */
export function measureSizes(extensionDir: string): FileSize[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (CODE.test(name)) files.push(path.relative(extensionDir, full));
    }
  };
  walk(extensionDir);
  return files
    .map((file) => {
      const bytes = readFileSync(path.join(extensionDir, file));
      return {
        file,
        entrypoint: entrypointOf(file),
        raw: bytes.length,
        gzip: gzipSync(bytes, { level: 9 }).length,
      };
    })
    .sort((a, b) => a.entrypoint.localeCompare(b.entrypoint) || a.file.localeCompare(b.file));
}

/** The loaders (`<crm>-loader.js`, one per built-in CRM and one for custom hosts) at the build's root. */
export function loaderSizes(sizes: FileSize[]): FileSize[] {
  return sizes.filter((size) => /^[a-z0-9-]+-loader\.js$/.test(size.file));
}

/** The largest loader by gzip size, which the "few KB" budget bounds; undefined when the build has none. */
export function largestLoader(sizes: FileSize[]): FileSize | undefined {
  return loaderSizes(sizes).sort((a, b) => b.gzip - a.gzip)[0];
}
