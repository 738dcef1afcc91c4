/**
 * Definitions tooling for RevOps admins.
 *   npm run definitions -- validate <file>...   exit 0 when every file is valid (warnings too), 1 otherwise
 *   npm run definitions -- schema               rewrite public/definitions.schema.json
 */
import '../lib/zod-jitless';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { hashDefinitions } from '../lib/definitions/content-hash';
import { renderDefinitionsJsonSchema } from '../lib/definitions/definitions-json-schema';
import { formatProblem } from '../lib/definitions/definitions-problem';
import { findDefinitionsWarnings } from '../lib/definitions/definitions-warnings';
import { parseDefinitions } from '../lib/definitions/parse-definitions';
import { readDefinitionsText } from '../lib/definitions/read-definitions-text';

const SCHEMA_PATH = path.resolve(import.meta.dirname, '../public/definitions.schema.json');

/** Runs the CLI; returns the process exit code. */
export async function runDefinitionsCli(args: string[], out: (line: string) => void): Promise<number> {
  const [command, ...files] = args;
  if (command === 'schema') {
    await writeFile(SCHEMA_PATH, renderDefinitionsJsonSchema());
    out(`Wrote ${path.relative(process.cwd(), SCHEMA_PATH)}`);
    return 0;
  }
  if (command !== 'validate' || files.length === 0) {
    out('Usage: npm run definitions -- validate <file>...   |   npm run definitions -- schema');
    return 2;
  }
  let failures = 0;
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      failures++;
      out(`✗ ${file}: cannot read the file (${(error as Error).message})`);
      continue;
    }
    const syntax = /\.ya?ml$/i.test(file) ? 'yaml' : /\.json$/i.test(file) ? 'json' : undefined;
    const result = parseDefinitions(text, syntax);
    if (result.ok) {
      const { id, version, criteria } = result.value;
      out(
        `✓ ${file}: ${id} ${version}, ${criteria.length} criteria, sha256 ${await hashDefinitions(result.value)}`,
      );
      // An older format's paths are the migrated file's, not the written one's: such warnings go unlocated.
      const read = readDefinitionsText(text, syntax);
      const written = read.ok && isCurrentFormat(read.value.data) ? read.value.locate : undefined;
      const warnings = findDefinitionsWarnings(result.value, written);
      for (const warning of warnings) out(`    warning: ${formatProblem(warning)}`);
    } else {
      failures++;
      out(`✗ ${file}: ${result.error.summary}`);
      for (const problem of result.error.problems) out(`    ${formatProblem(problem)}`);
    }
  }
  return failures === 0 ? 0 : 1;
}

function isCurrentFormat(data: unknown): boolean {
  return typeof data === 'object' && data !== null && 'schemaVersion' in data && data.schemaVersion === 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  process.exitCode = await runDefinitionsCli(process.argv.slice(2), (line) => console.log(line));
}
