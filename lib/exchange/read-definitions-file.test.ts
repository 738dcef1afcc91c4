// @vitest-environment node
import 'fake-indexeddb/auto';
import '../zod-jitless';
import { activateDefinitionsText } from '../db/definitions-repository';
import { YardstickDatabase } from '../db/yardstick-database';
import { readDefinitionsFile } from './read-definitions-file';
import { readFailure } from './read-failure';

const DEPTH = 200_000;

describe('readDefinitionsFile', () => {
  it.each([
    ['JSON, closed', `{"id":"x","criteria":${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}}`, 'json'],
    ['JSON, never closed', `{"id":"x","criteria":${'['.repeat(DEPTH)}`, 'json'],
    ['YAML flow sequences', `id: x\ncriteria: ${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}\n`, 'yaml'],
  ] as const)('refuses definitions nested 200 000 deep (%s), naming the place', (_title, text, syntax) => {
    const read = readDefinitionsFile('deep.json', text, syntax);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error.summary).toMatch(/nested more than 64 deep/);
    expect(read.error.problems[0]).toMatchObject({ line: expect.any(Number), column: expect.any(Number) });
  });

  it('the import into the extension refuses it and keeps the active definitions', async () => {
    const db = new YardstickDatabase('read-definitions-file-deep');
    const result = await activateDefinitionsText(
      db,
      `{"id":"x","criteria":${'['.repeat(DEPTH)}`,
      'file:deep.json',
      new Date('2026-12-01T00:00:00Z'),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.summary).toMatch(/nested more than 64 deep/);
    db.close();
  });
});

describe('readFailure', () => {
  it('names a stack overflow as nesting, anything else as a bug with its message', () => {
    expect(readFailure('a.json', new RangeError('Maximum call stack size exceeded')).summary).toBe(
      'a.json: the file is nested too deeply to read (arrays or objects inside each other thousands of times); it is damaged or hostile and was not read; nothing was imported from it',
    );
    expect(readFailure('a.json', new TypeError('x is undefined')).problems[0]!.message).toMatch(
      /TypeError: x is undefined \(this is a Yardstick bug/,
    );
  });
});
