import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Reads a file under tests/fixtures as text. */
export function fixtureText(relativePath: string): string {
  return readFileSync(path.resolve(import.meta.dirname, '../../fixtures', relativePath), 'utf8');
}
