import type { DefinitionsError } from '../definitions-problem';
import { err, ok, type Result } from '../../result';
import { migrateV0ToV1 } from './v0-to-v1';

/** The newest definitions format this Yardstick understands. */
export const CURRENT_SCHEMA_VERSION = 1;

/** One step per format version: `steps[n]` turns format n into format n + 1. */
const steps: Record<number, (data: Record<string, unknown>) => Record<string, unknown>> = {
  0: migrateV0ToV1,
};

/** Brings parsed definitions data of any older format up to the current one; refuses newer formats. */
export function migrateDefinitions(data: unknown): Result<unknown, DefinitionsError> {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return refuse('', `the file must contain one object with the definitions, not ${describe(data)}`);
  }
  let current = data as Record<string, unknown>;
  const version = current.schemaVersion;
  if (version === undefined)
    return refuse('schemaVersion', `is required (this Yardstick reads format ${CURRENT_SCHEMA_VERSION})`);
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return refuse('schemaVersion', `must be a whole number, got ${JSON.stringify(version)}`);
  }
  if (version > CURRENT_SCHEMA_VERSION) {
    return refuse(
      'schemaVersion',
      `this file uses definitions format ${version}, but this Yardstick reads formats up to ${CURRENT_SCHEMA_VERSION}: update Yardstick to use it`,
    );
  }
  for (let from = version; from < CURRENT_SCHEMA_VERSION; from++) {
    const step = steps[from];
    if (!step) return refuse('schemaVersion', `format ${from} cannot be migrated`);
    current = step(current);
  }
  return ok(current);
}

function refuse(path: string, message: string): Result<never, DefinitionsError> {
  return err({
    summary: `The definitions file was refused: ${path ? `${path} ` : ''}${message}.`,
    problems: [{ path, message }],
  });
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return `a ${typeof value}`;
}
