// @vitest-environment node
import 'fake-indexeddb/auto';
import '../../lib/zod-jitless';
import {
  activateDefinitionsText,
  readActiveDefinitions,
  storeBuiltInDefinitions,
} from '../../lib/db/definitions-repository';
import { YardstickDatabase } from '../../lib/db/yardstick-database';
import { formatProblem } from '../../lib/definitions/definitions-problem';
import { parseDefinitions } from '../../lib/definitions/parse-definitions';
import { fixtureText } from '../unit/helpers/fixture-text';
import { BAD_DEFINITIONS } from './bad-definitions';

const now = new Date('2026-11-22T12:00:00Z');
const lastGoodText = fixtureText('definitions/two-criteria.json');
let databaseCounter = 0;

describe('bad definitions corpus', () => {
  it('has at least 100 cases with unique names', () => {
    expect(BAD_DEFINITIONS.length).toBeGreaterThanOrEqual(100);
    expect(new Set(BAD_DEFINITIONS.map((c) => c.name)).size).toBe(BAD_DEFINITIONS.length);
  });

  it.each(BAD_DEFINITIONS.map((c) => [c.name, c] as const))(
    '%s: refused with a specific error, last good kept',
    async (_name, badCase) => {
      const db = new YardstickDatabase(`corpus-${++databaseCounter}`);
      const builtIn = parseDefinitions(fixtureText('../../public/definitions/meddpicc.json'));
      if (!builtIn.ok) throw new Error('built-in must be valid');
      const builtInHash = await storeBuiltInDefinitions(db, builtIn.value, now);
      const lastGood = await activateDefinitionsText(db, lastGoodText, 'https://defs.example/team.json', now);
      expect(lastGood.ok).toBe(true);
      const versionsBefore = await db.definitionsVersions.count();

      const result = await activateDefinitionsText(db, badCase.text, 'file:bad', now, {
        syntax: badCase.syntax,
      });

      expect(result.ok).toBe(false);
      if (result.ok) return;
      const shown = [result.error.summary, ...result.error.problems.map(formatProblem)].join('\n');
      for (const fragment of badCase.expected) {
        if (typeof fragment === 'string') expect(shown).toContain(fragment);
        else expect(shown).toMatch(fragment);
      }
      const active = await readActiveDefinitions(db, builtInHash);
      expect(active.definitions.id).toBe('two-criteria');
      expect(await db.definitionsVersions.count()).toBe(versionsBefore);
      db.close();
    },
  );
});
