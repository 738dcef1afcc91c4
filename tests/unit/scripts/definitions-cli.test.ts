// @vitest-environment node
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runDefinitionsCli } from '../../../scripts/definitions';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/definitions');

async function run(...args: string[]): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const code = await runDefinitionsCli(args, (line) => lines.push(line));
  return { code, output: lines.join('\n') };
}

describe('npm run definitions -- validate', () => {
  it('exits 0 for valid files and prints id, version and hash', async () => {
    const { code, output } = await run('validate', path.join(fixtures, 'two-criteria.json'));
    expect(code).toBe(0);
    expect(output).toMatch(/✓ .*two-criteria\.json: two-criteria 2\.1\.0, 2 criteria, sha256 [0-9a-f]{64}/);
  });

  it('exits 1 and prints every error with its path, and line and column for syntax errors', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'defs-cli-'));
    const broken = path.join(dir, 'broken.json');
    const definitions = JSON.parse(
      JSON.stringify((await import('../../fixtures/definitions/two-criteria.json')).default),
    );
    definitions.criteria[1].levels[1].value = 'five';
    definitions.criteria[0].weight = 0;
    writeFileSync(broken, JSON.stringify(definitions));
    const typo = path.join(dir, 'typo.yaml');
    writeFileSync(typo, 'schemaVersion: 1\nid: a\nid: b\n');
    const { code, output } = await run('validate', path.join(fixtures, 'two-criteria.json'), broken, typo);
    expect(code).toBe(1);
    expect(output).toContain('criteria[1].levels[1].value: ');
    expect(output).toContain('criteria[0].weight: must be greater than 0');
    expect(output).toMatch(/typo\.yaml: The file is not valid YAML: Map keys must be unique/);
    expect(output).toContain('(line 3, column 1)');
  });

  it('exits 1 for a missing file', async () => {
    const { code, output } = await run('validate', '/nonexistent/defs.json');
    expect(code).toBe(1);
    expect(output).toContain('cannot read the file');
  });

  it('prints usage and exits 2 without files', async () => {
    expect((await run('validate')).code).toBe(2);
  });
});

describe('npm run definitions -- validate, warnings', () => {
  it('warns, located, about a level labelled like Unknown, and still exits 0', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'defs-cli-'));
    const file = path.join(dir, 'unknown-level.yaml');
    const definitions = JSON.parse(
      JSON.stringify((await import('../../fixtures/definitions/two-criteria.json')).default),
    );
    definitions.criteria[1].levels[0].label = 'Unkown';
    writeFileSync(file, (await import('yaml')).stringify(definitions));
    const { code, output } = await run('validate', file);
    expect(code).toBe(0);
    expect(output).toContain('✓ ');
    expect(output).toMatch(
      /warning: criteria\[1\]\.levels\[0\]\.label: "Unkown" reads as Unknown, .* \(line \d+, column \d+\)/,
    );
  });

  it('prints no warning for the shipped frameworks', async () => {
    const frameworks = path.resolve(import.meta.dirname, '../../../public/definitions');
    const files = ['meddpicc', 'meddicc', 'bant', 'spiced'].map((id) => path.join(frameworks, `${id}.json`));
    const { code, output } = await run('validate', ...files);
    expect(code).toBe(0);
    expect(output).not.toContain('warning');
  });
});
