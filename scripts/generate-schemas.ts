/**
 * Regenerates the committed JSON Schemas from their Zod schemas: `npm run schemas`.
 * Tests fail when a committed schema drifts from its Zod source.
 */
import '../lib/zod-jitless';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
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
