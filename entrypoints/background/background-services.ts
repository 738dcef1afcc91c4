import builtInDefinitionsJson from '../../public/definitions/meddpicc.json';
import { storeBuiltInDefinitions } from '../../lib/db/definitions-repository';
import { YardstickDatabase } from '../../lib/db/yardstick-database';
import { DefinitionsV1Schema } from '../../lib/definitions/schema-v1';

/** What the background's handlers share: the database, once the built-in definitions are stored. */
export interface BackgroundServices {
  db: YardstickDatabase;
  /** Resolves to the built-in definitions' hash once they are stored. */
  builtInHash: Promise<string>;
}

/** Opens the database and stores the built-in definitions (idempotent, every service-worker start). */
export function createBackgroundServices(db = new YardstickDatabase()): BackgroundServices {
  const builtIn = DefinitionsV1Schema.parse(builtInDefinitionsJson);
  return { db, builtInHash: storeBuiltInDefinitions(db, builtIn, new Date()) };
}
