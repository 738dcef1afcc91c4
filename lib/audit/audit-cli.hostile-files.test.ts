import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runAuditCli } from './audit-cli';

const root = path.join(__dirname, '../..');
const DEPTH = 200_000;
const deepBundle = `{"format":"yardstick-bundle","formatVersion":1,"scores":${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}}`;
const openBundle = `{"format":"yardstick-bundle","formatVersion":1,"scores":${'['.repeat(DEPTH)}`;
const deepDefinitions = `{"id":"x","criteria":${'['.repeat(DEPTH)}`;
const files: Record<string, string> = {
  'deep.json': deepBundle,
  'open.json': openBundle,
  'deep-definitions.json': deepDefinitions,
  'alice.json': readFileSync(path.join(root, 'tests/fixtures/audit/pipeline-alice.json'), 'utf8'),
};
const io = {
  readFile: async (file: string) => new TextEncoder().encode(files[file]!),
  now: () => new Date('2024-06-15T00:00:00Z'),
};

describe('npm run audit on files nested 200 000 deep', () => {
  it.each(['deep.json', 'open.json'])('refuses %s with its place and reason, exit 1', async (file) => {
    const result = await runAuditCli(['alice.json', file], io);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(`^${file.replace('.', '\\.')}:1:120: arrays and objects are nested more than 64 deep`),
    );
  });

  it('refuses deeply nested --definitions, exit 1', async () => {
    const result = await runAuditCli(['--definitions', 'deep-definitions.json', 'alice.json'], io);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(
      /^deep-definitions\.json:1:85: arrays and objects are nested more than 64 deep/,
    );
  });

  it('runs as a process: no uncaught RangeError, exit 1 with the reason', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'yardstick-deep-'));
    try {
      writeFileSync(path.join(dir, 'deep.json'), deepBundle);
      const run = spawnSync(
        path.join(root, 'node_modules/.bin/tsx'),
        [path.join(root, 'scripts/audit.ts'), 'deep.json'],
        { cwd: root, env: { ...process.env, INIT_CWD: dir }, encoding: 'utf8' },
      );
      expect(run.stderr).not.toMatch(/RangeError|Maximum call stack/);
      expect(run.stderr).toMatch(/^deep\.json:1:120: arrays and objects are nested more than 64 deep/);
      expect(run.status).toBe(1);
    } finally {
      rmSync(dir, { recursive: true });
    }
  }, 30_000);
});
