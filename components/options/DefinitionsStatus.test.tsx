import { render, screen } from '@testing-library/react';
import definitionsJson from '../../tests/fixtures/definitions/two-criteria.json';
import { resolveDefinitionsConfig } from '../../lib/definitions/definitions-config';
import { DefinitionsV1Schema } from '../../lib/definitions/schema-v1';
import type { SettingsView } from '../../lib/messaging/protocol';
import { DefinitionsStatus } from './DefinitionsStatus';

const url = 'https://defs.acme.example/team.json';

function settingsSyncedFrom(finalUrl: string | undefined): SettingsView {
  return {
    active: {
      hash: 'a'.repeat(64),
      source: finalUrl ?? url,
      isBuiltIn: false,
      definitions: DefinitionsV1Schema.parse(definitionsJson),
    },
    config: resolveDefinitionsConfig({ source: { kind: 'url', url } }, {}),
    sync: {
      url,
      validators: null,
      lastCheckAt: '2026-12-01T10:00:00Z',
      lastResult: 'changed',
      ...(finalUrl ? { finalUrl } : {}),
    },
    definitionsFailure: null,
    lastDefinitionsChangeAt: null,
  } as Partial<SettingsView> as SettingsView;
}

describe('DefinitionsStatus', () => {
  it('shows the URL the definitions were finally fetched from when the source redirected', () => {
    render(<DefinitionsStatus settings={settingsSyncedFrom('https://cdn.acme.example/v2/team.json')} />);
    expect(screen.getByText('Redirected to')).toBeInTheDocument();
    expect(screen.getByText('https://cdn.acme.example/v2/team.json')).toBeInTheDocument();
  });

  it('shows no redirect when the file came from the URL itself', () => {
    render(<DefinitionsStatus settings={settingsSyncedFrom(undefined)} />);
    expect(screen.queryByText('Redirected to')).toBeNull();
  });

  it('warns about a level of the active definitions labelled like Unknown', () => {
    const settings = settingsSyncedFrom(undefined);
    const definitions = structuredClone(settings.active.definitions);
    definitions.criteria[0]!.levels[0]!.label = 'Unknown';
    render(<DefinitionsStatus settings={{ ...settings, active: { ...settings.active, definitions } }} />);
    const warnings = screen.getByRole('list', { name: 'Warnings about the active definitions' });
    expect(warnings).toHaveTextContent(/^criteria\[0\]\.levels\[0\]\.label: "Unknown" reads as Unknown/);
  });

  it('shows no warnings for definitions whose levels describe evidence', () => {
    render(<DefinitionsStatus settings={settingsSyncedFrom(undefined)} />);
    expect(screen.queryByText('Warnings about the active definitions')).toBeNull();
  });
});
