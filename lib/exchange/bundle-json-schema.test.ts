import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildBundleJsonSchema } from './bundle-json-schema';

describe('public/bundle.schema.json', () => {
  it('is the schema generated from the Zod bundle schema (regenerate it with renderBundleJsonSchema if this fails)', () => {
    const committed: unknown = JSON.parse(
      readFileSync(path.join(__dirname, '../../public/bundle.schema.json'), 'utf8'),
    );
    expect(committed).toEqual(buildBundleJsonSchema());
  });
});
