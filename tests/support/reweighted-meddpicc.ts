import { readFileSync } from 'node:fs';
import path from 'node:path';

const BUILT_IN_MEDDPICC = path.resolve(import.meta.dirname, '../../public/definitions/meddpicc.json');

/**
 * The built-in MEDDPICC as a team's next version (1.2.0) with Champion and Paper process reweighted,
 * as JSON text: a deal saved under 1.1.1 then shows a different figure under the new definitions.
 */
export function reweightedMeddpiccText(): string {
  const definitions = JSON.parse(readFileSync(BUILT_IN_MEDDPICC, 'utf8')) as {
    version: string;
    criteria: { id: string; weight: number }[];
  };
  definitions.version = '1.2.0';
  for (const criterion of definitions.criteria) {
    if (criterion.id === 'champion') criterion.weight = 1;
    if (criterion.id === 'paper_process') criterion.weight = 2;
  }
  return JSON.stringify(definitions);
}
