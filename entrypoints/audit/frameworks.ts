import bant from '../../public/definitions/bant.json';
import meddicc from '../../public/definitions/meddicc.json';
import meddpicc from '../../public/definitions/meddpicc.json';
import spiced from '../../public/definitions/spiced.json';
import { validateDefinitions } from '../../lib/definitions/parse-definitions';
import type { Definitions } from '../../lib/definitions/schema-v1';

/** The built-in frameworks a new admin can start a draft from (each validated; a broken one is left out). */
export function builtInFrameworks(): Definitions[] {
  return [meddpicc, meddicc, bant, spiced].flatMap((json) => {
    const parsed = validateDefinitions(json);
    return parsed.ok ? [parsed.value] : [];
  });
}
