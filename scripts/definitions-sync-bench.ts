/**
 * Cost of a definitions sync when nothing changed (a conditional request answered 304), against a
 * real HTTP server on 127.0.0.1: `npm run bench:sync [-- <syncs>]`. Runs in Node on fake-indexeddb,
 * so it measures the code path, not Chromium's IndexedDB.
 */
import 'fake-indexeddb/auto';
import '../lib/zod-jitless';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { storeBuiltInDefinitions } from '../lib/db/definitions-repository';
import { syncDefinitionsFromUrl } from '../lib/db/sync-definitions';
import { YardstickDatabase } from '../lib/db/yardstick-database';
import { resolveDefinitionsConfig } from '../lib/definitions/definitions-config';
import { DEFAULT_FETCH_LIMITS } from '../lib/definitions/fetch-definitions';
import { parseDefinitions } from '../lib/definitions/parse-definitions';
import { startDefinitionsServer } from '../tests/support/definitions-server';

const syncs = Number(process.argv[2] ?? 200);
const text = await readFile(path.resolve(import.meta.dirname, '../public/definitions/meddpicc.json'), 'utf8');
const builtIn = parseDefinitions(text);
if (!builtIn.ok) throw new Error('the built-in definitions must be valid');

const server = await startDefinitionsServer();
try {
  server.serve('/meddpicc.json', { body: text, etag: '"bench"' });
  const db = new YardstickDatabase('definitions-sync-bench');
  await storeBuiltInDefinitions(db, builtIn.value, new Date());
  const config = resolveDefinitionsConfig({ source: { kind: 'url', url: server.url('/meddpicc.json') } }, {});
  const now = () => new Date();

  let started = performance.now();
  const first = await syncDefinitionsFromUrl(db, config, DEFAULT_FETCH_LIMITS, now);
  console.log(
    `first sync (full download, ${Buffer.byteLength(text)} bytes): ${(performance.now() - started).toFixed(1)} ms, ${first.result}`,
  );

  const times: number[] = [];
  for (let i = 0; i < syncs; i++) {
    started = performance.now();
    const outcome = await syncDefinitionsFromUrl(db, config, DEFAULT_FETCH_LIMITS, now);
    times.push(performance.now() - started);
    if (outcome.result !== 'unchanged')
      throw new Error(`sync ${i} was ${outcome.result}, expected unchanged`);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(2);
  const statuses = [...new Set(server.requests.slice(1).map((r) => r.status))].join(', ');
  console.log(
    `unchanged sync × ${syncs}: median ${at(0.5)} ms, p95 ${at(0.95)} ms; HTTP statuses ${statuses}; 0 body bytes`,
  );
  db.close();
} finally {
  await server.close();
}
