/**
 * Regenerates the committed JSON Schemas from their Zod schemas: `npm run schemas`.
 * Tests fail when a committed schema drifts from its Zod source.
 */
import '../lib/zod-jitless';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify as stringifyYaml } from 'yaml';
import { renderDefinitionsJsonSchema } from '../lib/definitions/definitions-json-schema';
import { renderBackupJsonSchema } from '../lib/exchange/backup-format';
import { renderBundleJsonSchema } from '../lib/exchange/bundle-json-schema';

const PUBLIC_DIR = path.resolve(import.meta.dirname, '../public');

const schemas: Record<string, () => string> = {
  'definitions.schema.json': renderDefinitionsJsonSchema,
  'bundle.schema.json': renderBundleJsonSchema,
  'backup.schema.json': renderBackupJsonSchema,
};

for (const [file, render] of Object.entries(schemas)) {
  await writeFile(path.join(PUBLIC_DIR, file), render());
  console.log(`Wrote public/${file}`);
}

// YAML copies of the shipped frameworks, for admins who write definitions in YAML.
const FRAMEWORKS_DIR = path.join(PUBLIC_DIR, 'definitions');
const YAML_DIR = path.resolve(import.meta.dirname, '../docs/frameworks');
for (const file of (await readdir(FRAMEWORKS_DIR)).filter((name) => name.endsWith('.json'))) {
  const yamlName = file.replace(/\.json$/, '.yaml');
  const header = `# YAML copy of public/definitions/${file} (npm run schemas); same content hash.\n`;
  const data = JSON.parse(await readFile(path.join(FRAMEWORKS_DIR, file), 'utf8')) as Record<string, unknown>;
  // The editor hint is relative to the file, and not part of the content hash.
  if ('$schema' in data) data.$schema = '../../public/definitions.schema.json';
  await writeFile(path.join(YAML_DIR, yamlName), header + stringifyYaml(data, { lineWidth: 100 }));
  console.log(`Wrote docs/frameworks/${yamlName}`);
}
