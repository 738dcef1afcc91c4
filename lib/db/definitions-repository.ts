import { hashDefinitions } from '../definitions/content-hash';
import type { DefinitionsError } from '../definitions/parse-definitions';
import { readDefinitionsFile } from '../exchange/read-definitions-file';
import type { DefinitionsSyntax } from '../definitions/read-definitions-text';
import type { Definitions } from '../definitions/schema-v1';
import { err, ok, type Result } from '../result';
import { readSetting, writeSetting } from './settings-repository';
import type { DefinitionsVersionRow, YardstickDatabase } from './yardstick-database';

/** The definitions reps score against now, with where they came from. */
export interface ActiveDefinitions {
  hash: string;
  definitions: Definitions;
  source: string;
  isBuiltIn: boolean;
}

/** Source name of the definitions shipped inside the extension. */
export const BUILT_IN_SOURCE = 'built-in';

/**
 * Stores the built-in definitions (a no-op when that content is already stored) and returns
 * their hash. The built-in file is validated like any other: a broken build must fail loudly.
 */
export async function storeBuiltInDefinitions(
  db: YardstickDatabase,
  definitions: Definitions,
  now: Date,
): Promise<string> {
  const hash = await hashDefinitions(definitions);
  await db.transaction('rw', db.definitionsVersions, async () => {
    if (await db.definitionsVersions.get(hash)) return;
    await db.definitionsVersions.add(toRow(hash, definitions, BUILT_IN_SOURCE, now));
  });
  return hash;
}

/** Returns the active definitions: the last good ones activated, or the built-in default. */
export async function readActiveDefinitions(
  db: YardstickDatabase,
  builtInHash: string,
): Promise<ActiveDefinitions> {
  const activeHash = (await readSetting(db, 'activeDefinitionsHash')) ?? builtInHash;
  const row =
    (await db.definitionsVersions.get(activeHash)) ?? (await db.definitionsVersions.get(builtInHash));
  if (!row)
    throw new Error(
      'Built-in definitions are missing from the database; storeBuiltInDefinitions must run first',
    );
  return {
    hash: row.hash,
    definitions: row.definitions,
    source: row.source,
    isBuiltIn: row.hash === builtInHash,
  };
}

/** Reads one stored definitions version by content hash. */
export async function readDefinitionsVersion(
  db: YardstickDatabase,
  hash: string,
): Promise<DefinitionsVersionRow | undefined> {
  return db.definitionsVersions.get(hash);
}

/**
 * Validates definitions text and, only if it is valid, stores it and makes it active, all in one
 * transaction. A refused file leaves the active definitions untouched and records the failure.
 */
export async function activateDefinitionsText(
  db: YardstickDatabase,
  text: string,
  source: string,
  now: Date,
  options: { syntax?: DefinitionsSyntax; pinnedSha256?: string | null } = {},
): Promise<Result<ActiveDefinitions, DefinitionsError>> {
  const parsed = readDefinitionsFile(source, text, options.syntax);
  if (!parsed.ok) return recordDefinitionsFailure(db, source, parsed.error, now);
  const hash = await hashDefinitions(parsed.value);
  if (options.pinnedSha256 && options.pinnedSha256 !== hash) {
    const message = `content hash ${hash} does not match the SHA-256 pinned by policy (${options.pinnedSha256})`;
    return recordDefinitionsFailure(
      db,
      source,
      { summary: `The definitions were refused: ${message}.`, problems: [{ path: '', message }] },
      now,
    );
  }
  await db.transaction('rw', db.definitionsVersions, db.settings, async () => {
    const known = await db.definitionsVersions.get(hash);
    if (!known) await db.definitionsVersions.add(toRow(hash, parsed.value, source, now));
    if ((await readSetting(db, 'activeDefinitionsHash')) !== hash) {
      await writeSetting(db, 'activeDefinitionsHash', hash);
      await writeSetting(db, 'lastDefinitionsChangeAt', now.toISOString());
    }
    await writeSetting(db, 'lastDefinitionsFailure', null);
  });
  const row = await db.definitionsVersions.get(hash);
  return ok({
    hash,
    definitions: parsed.value,
    source: row?.source ?? source,
    isBuiltIn: row?.source === BUILT_IN_SOURCE,
  });
}

/** Records why definitions from `source` were refused; the active definitions stay as they are. */
export async function recordDefinitionsFailure(
  db: YardstickDatabase,
  source: string,
  error: DefinitionsError,
  now: Date,
): Promise<Result<never, DefinitionsError>> {
  await writeSetting(db, 'lastDefinitionsFailure', { at: now.toISOString(), source, error });
  return err(error);
}

/** Makes the built-in definitions active again. */
export async function activateBuiltInDefinitions(
  db: YardstickDatabase,
  builtInHash: string,
  now: Date,
): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    if ((await readSetting(db, 'activeDefinitionsHash')) === builtInHash) return;
    await writeSetting(db, 'activeDefinitionsHash', builtInHash);
    await writeSetting(db, 'lastDefinitionsChangeAt', now.toISOString());
  });
}

function toRow(hash: string, definitions: Definitions, source: string, now: Date): DefinitionsVersionRow {
  return {
    hash,
    id: definitions.id,
    version: definitions.version,
    definitions,
    source,
    firstSeenAt: now.toISOString(),
  };
}
