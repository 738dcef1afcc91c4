import { writeSetting } from '../../lib/db/settings-repository';
import { createInMemoryBackground } from '../../tests/unit/helpers/in-memory-background';

const CRM = {
  urlPattern: 'https://crm\\.example\\.com/deals/(?<id>\\d+)',
  selectors: { name: 'h1.deal-title' },
};
const HOST = 'https://crm.example.com/*';

describe('custom CRM hosts in the background', () => {
  it('registers the loader on a granted custom host, persistently, under one id per host', async () => {
    const { options, crmHostBrowser } = createInMemoryBackground();
    crmHostBrowser.granted.add(HOST);
    const response = await options.addCustomCrm(CRM);
    expect(response).toMatchObject({
      ok: true,
      value: [{ source: 'options', matchPattern: HOST, granted: true, active: true, error: null }],
    });
    expect(crmHostBrowser.registered).toEqual([
      {
        id: `crm-host:${HOST}`,
        matches: [HOST],
        js: ['custom-crm-loader.js'],
        runAt: 'document_start',
        persistAcrossSessions: true,
      },
    ]);
    expect(crmHostBrowser.adapterConfigs).toEqual([CRM]);
  });

  it('registers again a loader an earlier version registered to start at another time', async () => {
    const { options, crmHostBrowser, crmHosts } = createInMemoryBackground();
    crmHostBrowser.granted.add(HOST);
    await options.addCustomCrm(CRM);
    crmHostBrowser.registered[0]!.runAt = 'document_idle';
    await crmHosts.inspect();
    expect(crmHostBrowser.registered[0]!.runAt).toBe('document_idle');
    await crmHosts.sync();
    expect(crmHostBrowser.registered).toEqual([
      expect.objectContaining({
        id: `crm-host:${HOST}`,
        runAt: 'document_start',
        js: ['custom-crm-loader.js'],
      }),
    ]);
  });

  it('stores a host whose access is not granted, but runs nothing there until it is', async () => {
    const { options, crmHostBrowser } = createInMemoryBackground();
    await options.addCustomCrm(CRM);
    expect(crmHostBrowser.registered).toEqual([]);
    const settings = await options.getSettings();
    expect(settings.ok && settings.value.customCrms).toEqual([
      expect.objectContaining({ matchPattern: HOST, granted: false, active: false }),
    ]);

    crmHostBrowser.granted.add(HOST);
    const synced = await options.syncCustomCrms();
    expect(synced.ok && synced.value[0]).toMatchObject({ granted: true, active: true });
    expect(crmHostBrowser.registered.map((script) => script.id)).toEqual([`crm-host:${HOST}`]);
  });

  it('unregisters the loader when the permission is revoked or the host removed, and gives the permission back', async () => {
    const { options, crmHostBrowser, crmHosts } = createInMemoryBackground();
    crmHostBrowser.granted.add(HOST);
    await options.addCustomCrm(CRM);
    crmHostBrowser.granted.delete(HOST);
    await crmHosts.sync();
    expect(crmHostBrowser.registered).toEqual([]);

    crmHostBrowser.granted.add(HOST);
    await crmHosts.sync();
    expect(crmHostBrowser.registered).toHaveLength(1);
    const removed = await options.removeCustomCrm(CRM.urlPattern);
    expect(removed).toEqual({ ok: true, value: [] });
    expect(crmHostBrowser.registered).toEqual([]);
    expect(crmHostBrowser.granted.has(HOST)).toBe(false);
    expect(crmHostBrowser.adapterConfigs).toEqual([]);
  });

  it('keeps the permission of a removed host that the definitions URL is on', async () => {
    const { options, services, crmHostBrowser } = createInMemoryBackground();
    crmHostBrowser.granted.add(HOST);
    await options.addCustomCrm(CRM);
    await writeSetting(services.db, 'definitionsSource', {
      kind: 'url',
      url: 'https://crm.example.com/yardstick/definitions.json',
    });
    await options.removeCustomCrm(CRM.urlPattern);
    expect(crmHostBrowser.registered).toEqual([]);
    expect(crmHostBrowser.granted.has(HOST)).toBe(true);
  });

  it('runs on the admin’s hosts, which a rep cannot remove or replace', async () => {
    const { options, crmHostBrowser, crmHosts } = createInMemoryBackground({ customCrms: [CRM] });
    crmHostBrowser.granted.add(HOST);
    await crmHosts.sync();
    expect(crmHostBrowser.registered.map((script) => script.id)).toEqual([`crm-host:${HOST}`]);
    expect(await options.removeCustomCrm(CRM.urlPattern)).toMatchObject({
      ok: false,
      error: { code: 'managed' },
    });
    expect(await options.addCustomCrm({ ...CRM, selectors: { name: '.other' } })).toMatchObject({
      ok: false,
      error: { code: 'managed' },
    });
  });

  it('refuses a config without an id group (at the gate, by the config schema) or with a host it cannot ask access for', async () => {
    const { options } = createInMemoryBackground();
    expect(
      await options.addCustomCrm({ urlPattern: 'https://crm\\.example\\.com/deals/\\d+' }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-message',
        message: expect.stringMatching(/config\.urlPattern: needs a named group "id"/),
      },
    });
    expect(await options.addCustomCrm({ urlPattern: 'https://[^/]+/deals/(?<id>\\d+)' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-custom-crm' },
    });
  });

  it('tells the sidebar the captureFields and custom hosts to read pages with', async () => {
    const { send, options, crmHostBrowser } = createInMemoryBackground();
    crmHostBrowser.granted.add(HOST);
    await options.addCustomCrm(CRM);
    expect(await send({ type: 'sidebar→background:getReadingContext' })).toEqual({
      ok: true,
      value: { captureFields: expect.any(Array), customCrms: [CRM] },
    });
  });
});
