import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtInAdapters } from './adapter-registry';
import { BUILT_IN_PAGE_READERS } from './built-in-page-readers';
import { BUILT_IN_CRMS } from './built-in-crms';
import { BUILT_IN_CRM_MATCHES, CRM_HOST_MATCHES, crmHostOfPattern } from './crm-hosts';
import { CrmIdSchema } from './deal-snapshot';

const CRM_DIR = dirname(fileURLToPath(import.meta.url));
const ROOT = join(CRM_DIR, '../..');
const NOT_BUILT_IN = new Set(['generic', 'calibration']);

describe('the built-in CRMs', () => {
  it('declare every CRM id once, except custom hosts and calibration cases', () => {
    const ids = BUILT_IN_CRMS.map((crm) => crm.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(CrmIdSchema.options.filter((id) => !NOT_BUILT_IN.has(id)).sort());
  });

  it('are the registry, the manifest hosts and nothing else', () => {
    expect(builtInAdapters).toEqual(BUILT_IN_CRMS.map((crm) => BUILT_IN_PAGE_READERS[crm.id]));
    expect(Object.keys(BUILT_IN_PAGE_READERS).sort()).toEqual(BUILT_IN_CRMS.map((crm) => crm.id).sort());
    expect(Object.keys(BUILT_IN_CRM_MATCHES)).toEqual(BUILT_IN_CRMS.map((crm) => crm.id));
    expect(CRM_HOST_MATCHES).toEqual(BUILT_IN_CRMS.flatMap((crm) => crm.hosts));
  });

  it('have no CRM folder that is not declared', () => {
    const folders = readdirSync(CRM_DIR, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(folders.sort()).toEqual(BUILT_IN_CRMS.map((crm) => crm.id).sort());
  });
});

describe.each(BUILT_IN_CRMS.map((crm) => ({ ...crm, name: crm.id })))('the $name CRM', (crm) => {
  it('has its folder: the URL check, the page reading and its tests, and this declaration', () => {
    for (const file of ['url.ts', 'page.ts', 'page.test.ts', 'crm.ts'])
      expect(existsSync(join(CRM_DIR, crm.id, file)), `${crm.id}/${file}`).toBe(true);
  });

  it('has a loader: the build writes `<id>-loader.js` around its URL check, which imports nothing', async () => {
    const url = (await import(`./${crm.id}/url.ts`)) as Record<string, unknown>;
    expect(typeof url.showsDeal).toBe('function');
    expect(typeof url.dealOf).toBe('function');
    const source = readFileSync(join(CRM_DIR, crm.id, 'url.ts'), 'utf8');
    expect(source.split('\n').filter((line) => /^import (?!type\b)/.test(line))).toEqual([]);
  });

  it('has hosts the manifest can ask for', () => {
    expect(crm.hosts.length).toBeGreaterThan(0);
    for (const pattern of crm.hosts) expect(crmHostOfPattern(pattern), pattern).not.toBeNull();
  });

  it('has its wording', () => {
    for (const text of Object.values(crm.wording)) expect(text.trim()).not.toBe('');
  });

  it('has a page reader for its own deals', () => {
    expect(BUILT_IN_PAGE_READERS[crm.id].crm).toBe(crm.id);
  });

  it('declares data only: its declaration imports no page reading (the background bundles it)', () => {
    const source = readFileSync(join(CRM_DIR, crm.id, 'crm.ts'), 'utf8');
    expect(source.split('\n').filter((line) => /^import (?!type\b)/.test(line))).toEqual([]);
  });

  it('has a document-title pattern that names the deal, and labels for every core field', () => {
    expect(crm.page.documentTitle.source).toContain('(');
    for (const labels of Object.values(crm.page.fieldLabels)) expect(labels.length).toBeGreaterThan(0);
  });

  it('has fixture pages', () => {
    const fixtures = join(ROOT, 'tests/fixtures', crm.id);
    expect(existsSync(fixtures)).toBe(true);
    expect(readdirSync(fixtures).filter((file) => file.endsWith('.html')).length).toBeGreaterThanOrEqual(3);
  });
});
