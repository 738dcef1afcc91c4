import { resolveDefinitionsConfig } from '../definitions/definitions-config';
import { readManagedPolicy } from './managed-policy';

const hash = 'A'.repeat(64);

describe('readManagedPolicy', () => {
  it('keeps valid keys, drops unknown ones and names keys of the wrong type', () => {
    const { policy, rejectedKeys } = readManagedPolicy({
      definitionsUrl: 'https://defs.acme.example/meddpicc.json',
      definitionsSha256: hash,
      lockDefinitions: 'yes',
      syncIntervalMinutes: 15,
      somethingElse: 1,
    });
    expect(policy).toEqual({
      definitionsUrl: 'https://defs.acme.example/meddpicc.json',
      definitionsSha256: 'a'.repeat(64),
      syncIntervalMinutes: 15,
    });
    expect(rejectedKeys).toEqual(['lockDefinitions']);
  });

  it('reads no policy as empty', () => {
    expect(readManagedPolicy(undefined)).toEqual({ policy: {}, rejectedKeys: [] });
  });
});

describe('resolveDefinitionsConfig', () => {
  it('lets policy beat local settings and locks the source', () => {
    const config = resolveDefinitionsConfig(
      { source: { kind: 'url', url: 'https://mine.example/x.json' }, syncIntervalMinutes: 5 },
      {
        definitionsUrl: 'https://corp.example/defs.json',
        syncIntervalMinutes: 30,
        definitionsSha256: 'b'.repeat(64),
        definitionsAllowedRedirectOrigins: ['https://cdn.corp.example'],
      },
    );
    expect(config).toEqual({
      source: { kind: 'url', url: 'https://corp.example/defs.json' },
      locked: true,
      managedUrl: true,
      pinnedSha256: 'b'.repeat(64),
      syncIntervalMinutes: 30,
      managedInterval: true,
      allowedRedirectOrigins: ['https://cdn.corp.example'],
    });
  });

  it('reads redirect origins as https origins and names the key when an entry is not one', () => {
    expect(readManagedPolicy({ definitionsAllowedRedirectOrigins: ['https://CDN.corp.example/'] })).toEqual({
      policy: { definitionsAllowedRedirectOrigins: ['https://cdn.corp.example'] },
      rejectedKeys: [],
    });
    for (const entry of ['http://cdn.corp.example', 'https://cdn.corp.example/defs', 'cdn.corp.example']) {
      expect(readManagedPolicy({ definitionsAllowedRedirectOrigins: [entry] }).rejectedKeys).toEqual([
        'definitionsAllowedRedirectOrigins',
      ]);
    }
  });

  it('uses local settings and the default interval without policy', () => {
    expect(resolveDefinitionsConfig({}, {})).toMatchObject({
      source: { kind: 'built-in' },
      locked: false,
      syncIntervalMinutes: 60,
    });
  });

  it('locks the local source when policy only sets lockDefinitions', () => {
    const config = resolveDefinitionsConfig(
      { source: { kind: 'file', name: 'team.json' } },
      { lockDefinitions: true },
    );
    expect(config).toMatchObject({
      source: { kind: 'file', name: 'team.json' },
      locked: true,
      managedUrl: false,
    });
  });
});
