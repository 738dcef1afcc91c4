import { useId, useState, type FormEvent } from 'react';
import { matchPatternFor, type GenericAdapterConfig } from '../../lib/crm/generic-adapter';
import { validateGenericAdapterConfig } from '../../lib/crm/generic-adapter-config';
import type { CustomCrmView, SettingsView } from '../../lib/messaging/protocol';
import type { OptionsBackend } from './options-backend';

const SELECTOR_FIELDS = [
  ['name', 'Deal name'],
  ['stage', 'Stage'],
  ['amount', 'Amount'],
  ['closeDate', 'Close date'],
  ['owner', 'Owner'],
] as const;
type SelectorField = (typeof SELECTOR_FIELDS)[number][0];

type Message = { text: string; isError: boolean };

/**
 * Custom CRM hosts (self-hosted or vanity domains): the admin's from policy and the rep's own. Adding
 * one asks for its host permission in the same click; the background then runs Yardstick there.
 */
export function CustomHostsSection({
  backend,
  settings,
  onChanged,
}: {
  backend: OptionsBackend;
  settings: SettingsView;
  onChanged: () => Promise<void>;
}) {
  const [urlPattern, setUrlPattern] = useState('');
  const [selectors, setSelectors] = useState<Record<SelectorField, string>>({
    name: '',
    stage: '',
    amount: '',
    closeDate: '',
    owner: '',
  });
  const [locale, setLocale] = useState('');
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  const patternId = useId();
  const localeId = useId();
  const selectorIds = useId();

  const run = async (action: () => Promise<Message>) => {
    setBusy(true);
    try {
      setMessage(await action());
      await onChanged();
    } finally {
      setBusy(false);
    }
  };

  // Called from the click: requestHostPattern runs before any await, inside the user gesture.
  const grantAndSync = (matchPattern: string, addFirst?: GenericAdapterConfig) => {
    const access = backend.requestHostPattern(matchPattern).catch(() => false);
    void run(async () => {
      if (addFirst) {
        const added = await backend.addCustomCrm(addFirst);
        if (!added.ok) return { text: added.error.message, isError: true };
      }
      if (!(await access)) {
        return {
          text: `Access to ${matchPattern} was not granted, so Yardstick cannot run there. Use “Grant access” to ask again.`,
          isError: true,
        };
      }
      const synced = await backend.syncCustomCrms();
      if (!synced.ok) return { text: synced.error.message, isError: true };
      const view = synced.value.find((entry) => entry.matchPattern === matchPattern);
      return view?.active
        ? { text: `Yardstick now runs on ${matchPattern}. Reload open pages of that host.`, isError: false }
        : {
            text: `Yardstick could not start on ${matchPattern}: ${view?.error ?? 'unknown error'}`,
            isError: true,
          };
    });
  };

  const add = (event: FormEvent) => {
    event.preventDefault();
    const config = buildConfig(urlPattern, selectors, locale);
    const checked = validateGenericAdapterConfig(config);
    if (!checked.ok) return setMessage({ text: checked.error, isError: true });
    const matchPattern = matchPatternFor(checked.value);
    if (!matchPattern) {
      return setMessage({
        text: 'Custom CRM: the URL pattern must name its host literally (https://crm\\.example\\.com/…) so Yardstick can ask for access to it.',
        isError: true,
      });
    }
    grantAndSync(matchPattern, checked.value);
  };

  const remove = (entry: CustomCrmView) => {
    if (!entry.config) return;
    const { urlPattern: pattern } = entry.config;
    void run(async () => {
      const response = await backend.removeCustomCrm(pattern);
      return response.ok
        ? {
            text: `Removed ${entry.matchPattern ?? pattern}: Yardstick no longer runs there.`,
            isError: false,
          }
        : { text: response.error.message, isError: true };
    });
  };

  return (
    <section aria-labelledby="custom-hosts-heading">
      <h2 id="custom-hosts-heading">Custom CRM hosts</h2>
      <p>
        Yardstick reads Salesforce, HubSpot, Dynamics 365 and Pipedrive at their usual addresses. For a
        self-hosted or vanity-domain CRM, give the address of its deal pages as a regular expression with a
        named group <code>id</code>, and where the page shows each field as a CSS selector.
      </p>
      {settings.customCrmProblems.length > 0 && (
        <div role="alert" className="ys-failure">
          <p>Your organisation’s custom CRM policy has entries Yardstick ignores:</p>
          <ul>
            {settings.customCrmProblems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      {settings.customCrms.length > 0 && (
        <ul aria-label="Custom CRM hosts" className="ys-host-list">
          {settings.customCrms.map((entry) => (
            <li key={`${entry.source}:${entry.config?.urlPattern ?? entry.matchPattern}`}>
              <strong>{entry.matchPattern ?? 'Hosts named by allowedCrmHosts'}</strong>{' '}
              {entry.source === 'policy' && <span className="ys-managed">Managed by your organisation</span>}{' '}
              <HostStatus entry={entry} />
              {entry.config ? (
                <div>
                  Deal pages: <code>{entry.config.urlPattern}</code>
                </div>
              ) : (
                <div>Deal pages of the built-in CRMs on this host.</div>
              )}
              {entry.matchPattern && !entry.granted && (
                <button type="button" disabled={busy} onClick={() => grantAndSync(entry.matchPattern!)}>
                  Grant access to {entry.matchPattern}
                </button>
              )}
              {entry.source === 'options' && (
                <button type="button" disabled={busy} onClick={() => remove(entry)}>
                  Remove {entry.matchPattern}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} aria-label="Add a custom CRM host">
        <label htmlFor={patternId}>Deal URL pattern (regular expression with a named group id)</label>
        <input
          id={patternId}
          value={urlPattern}
          onChange={(e) => setUrlPattern(e.target.value)}
          placeholder="https://crm\.example\.com/deals/(?<id>\d+)"
          spellCheck={false}
        />
        {SELECTOR_FIELDS.map(([field, label]) => (
          <div key={field}>
            <label htmlFor={`${selectorIds}-${field}`}>{label} selector (optional)</label>
            <input
              id={`${selectorIds}-${field}`}
              value={selectors[field]}
              onChange={(e) => setSelectors({ ...selectors, [field]: e.target.value })}
              spellCheck={false}
            />
          </div>
        ))}
        <label htmlFor={localeId}>Date locale when the page declares none (optional, e.g. en-US)</label>
        <input id={localeId} value={locale} onChange={(e) => setLocale(e.target.value)} />
        <p>
          <button type="submit" disabled={busy || urlPattern.trim() === ''}>
            Add host and grant access
          </button>
        </p>
      </form>
      {message && (
        <p role={message.isError ? 'alert' : 'status'} className={message.isError ? 'ys-failure' : undefined}>
          {message.text}
        </p>
      )}
    </section>
  );
}

function HostStatus({ entry }: { entry: CustomCrmView }) {
  if (entry.error) return <span className="ys-host-status">Not running: {entry.error}</span>;
  if (entry.active) return <span className="ys-host-status">Active</span>;
  if (entry.matchPattern === null)
    return <span className="ys-host-status">Runs where allowedCrmHosts grants</span>;
  return <span className="ys-host-status">Access not granted</span>;
}

function buildConfig(
  urlPattern: string,
  selectors: Record<SelectorField, string>,
  locale: string,
): GenericAdapterConfig {
  const chosen = Object.fromEntries(
    Object.entries(selectors)
      .map(([field, selector]) => [field, selector.trim()] as const)
      .filter(([, selector]) => selector !== ''),
  );
  return {
    urlPattern: urlPattern.trim(),
    ...(Object.keys(chosen).length > 0 ? { selectors: chosen } : {}),
    ...(locale.trim() ? { locale: locale.trim() } : {}),
  };
}
