import type { ActiveDefinitions } from '../../lib/db/definitions-repository';
import type { DefinitionsView } from '../../lib/messaging/protocol';

/** The active definitions as sent to the UI. */
export function toDefinitionsView(active: ActiveDefinitions): DefinitionsView {
  return {
    hash: active.hash,
    source: active.source,
    isBuiltIn: active.isBuiltIn,
    definitions: active.definitions,
  };
}
