// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { hashDefinitions } from './content-hash';
import { parseDefinitions } from './parse-definitions';

const root = path.resolve(import.meta.dirname, '../..');
const frameworks = readdirSync(path.join(root, 'public/definitions')).filter((name) =>
  name.endsWith('.json'),
);

describe('docs/frameworks YAML copies of the shipped frameworks', () => {
  it.each(frameworks)('%s has a YAML copy with exactly the same content hash', async (file) => {
    const json = parseDefinitions(readFileSync(path.join(root, 'public/definitions', file), 'utf8'), 'json');
    const yaml = parseDefinitions(
      readFileSync(path.join(root, 'docs/frameworks', file.replace(/\.json$/, '.yaml')), 'utf8'),
      'yaml',
    );
    if (!json.ok || !yaml.ok) throw new Error(`${file}: both copies must be valid`);
    expect(await hashDefinitions(yaml.value)).toBe(await hashDefinitions(json.value));
  });
});

describe('the annotated YAML example in docs/definitions.md', () => {
  it('is valid definitions', () => {
    const docs = readFileSync(path.join(root, 'docs/definitions.md'), 'utf8');
    const example = docs.split('```yaml\n')[1]?.split('```')[0] ?? '';
    const parsed = parseDefinitions(example, 'yaml');
    expect(parsed.ok ? parsed.value.version : parsed.error).toBe('2.3');
  });
});
