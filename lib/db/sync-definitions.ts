import type { DefinitionsConfig } from '../definitions/definitions-config';
import { fetchDefinitions, type FetchLimits } from '../definitions/fetch-definitions';
import { activateDefinitionsText, recordDefinitionsFailure } from './definitions-repository';
import type { SyncOutcome, SyncState } from '../definitions/sync-state';
import { readSetting, writeSetting } from './settings-repository';

export type { SyncOutcome } from '../definitions/sync-state';
import type { YardstickDatabase } from './yardstick-database';

/**
 * Syncs definitions from the configured URL: a conditional fetch (outside any transaction, since a
 * fetch would commit it early), then validation, then one transaction that activates the new
 * content. Any failure is recorded and the last good definitions stay active.
 */
export async function syncDefinitionsFromUrl(
  db: YardstickDatabase,
  config: DefinitionsConfig,
  limits: FetchLimits,
  now: () => Date,
  fetchImpl: typeof fetch = fetch,
  explainNetworkFailure?: (url: string) => Promise<string | null>,
): Promise<SyncOutcome> {
  if (config.source.kind !== 'url') return { result: 'not-configured' };
  const { url } = config.source;
  const previous = await readSetting(db, 'syncState');
  const validators = previous?.url === url ? previous.validators : null;
  const fetched = await fetchDefinitions(url, validators, limits, fetchImpl, {
    allowedRedirectOrigins: config.allowedRedirectOrigins,
    explainNetworkFailure,
  });
  const writeState = (state: Omit<SyncState, 'url' | 'lastCheckAt'>) =>
    writeSetting(db, 'syncState', { url, lastCheckAt: now().toISOString(), ...state });

  if (!fetched.ok) {
    await recordDefinitionsFailure(db, url, { summary: fetched.error.message, problems: [] }, now());
    await writeState({ validators, lastResult: 'failed' });
    return { result: 'failed', message: fetched.error.message };
  }
  if (fetched.value.kind === 'unchanged') {
    await writeSetting(db, 'lastDefinitionsFailure', null);
    await writeState({ validators, lastResult: 'unchanged' });
    return { result: 'unchanged' };
  }
  const activeBefore = await readSetting(db, 'activeDefinitionsHash');
  const { finalUrl } = fetched.value;
  const redirected = finalUrl !== url ? { finalUrl } : {};
  const activated = await activateDefinitionsText(db, fetched.value.text, finalUrl, now(), {
    syntax: fetched.value.syntax,
    pinnedSha256: config.pinnedSha256,
  });
  if (!activated.ok) {
    // Validators are not kept for refused content, so the next sync fetches it again in full.
    await writeState({ validators: null, lastResult: 'failed', ...redirected });
    return { result: 'failed', message: activated.error.summary };
  }
  await writeState({
    validators: fetched.value.validators,
    ...redirected,
    lastResult: activated.value.hash === activeBefore ? 'unchanged' : 'changed',
  });
  const { hash, definitions } = activated.value;
  return activated.value.hash === activeBefore
    ? { result: 'unchanged' }
    : { result: 'changed', hash, version: definitions.version };
}
