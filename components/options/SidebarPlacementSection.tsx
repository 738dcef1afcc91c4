import { useState } from 'react';
import type { SidebarPlacement } from '../../lib/messaging/dock-protocol';
import type { SettingsView } from '../../lib/messaging/protocol';
import type { OptionsBackend } from './options-backend';

const PLACEMENT_LABELS: Record<SidebarPlacement, string> = {
  beside: 'Beside the page (default): the CRM moves over, nothing of it is hidden',
  over: 'Over the page: the CRM keeps its width, the sidebar covers its right edge',
};

/** Where the open sidebar sits on CRM pages in this browser: beside the page (default) or over it. */
export function SidebarPlacementSection({
  backend,
  settings,
  onChanged,
}: {
  backend: OptionsBackend;
  settings: SettingsView;
  onChanged: () => Promise<void>;
}) {
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);
  const [refusals, setRefusals] = useState(0);

  const choose = async (placement: SidebarPlacement) => {
    const response = await backend.setSidebarPlacement(placement);
    setMessage(
      response.ok
        ? {
            text:
              placement === 'over'
                ? 'The sidebar now floats over CRM pages.'
                : 'The sidebar now sits beside CRM pages.',
            isError: false,
          }
        : { text: response.error.message, isError: true },
    );
    if (response.ok) await onChanged();
    else setRefusals((count) => count + 1);
  };

  return (
    <section aria-labelledby="sidebar-placement-heading">
      <h2 id="sidebar-placement-heading">Sidebar</h2>
      {/* Uncontrolled, so a click shows at once; keyed by the stored choice, so a refused change snaps back. */}
      <fieldset key={`${settings.sidebarPlacement}:${refusals}`}>
        <legend>Where the open sidebar sits on CRM pages</legend>
        {(['beside', 'over'] as const).map((placement) => (
          <label key={placement} className="ys-choice">
            <input
              type="radio"
              name="sidebar-placement"
              value={placement}
              defaultChecked={settings.sidebarPlacement === placement}
              onChange={() => void choose(placement)}
            />{' '}
            {PLACEMENT_LABELS[placement]}
          </label>
        ))}
      </fieldset>
      {message && (
        <p role={message.isError ? 'alert' : 'status'} className={message.isError ? 'ys-failure' : undefined}>
          {message.text}
        </p>
      )}
    </section>
  );
}
