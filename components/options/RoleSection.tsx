import { useId, useState, type FormEvent } from 'react';
import type { SettingsView } from '../../lib/messaging/protocol';
import type { RaterRole } from '../../lib/scoring/score-record';
import type { OptionsBackend } from './options-backend';

const ROLE_LABELS: Record<RaterRole, string> = {
  rep: 'Rep: my scores are my own assessment of my deals',
  manager: 'Manager: my scores validate my reps’ scores',
};

/** The viewer's role (a manager's saves are validating ratings) and when a score goes stale. */
export function RoleSection({
  backend,
  settings,
  onChanged,
}: {
  backend: OptionsBackend;
  settings: SettingsView;
  onChanged: () => Promise<void>;
}) {
  const [percent, setPercent] = useState(String(settings.staleAmountChangePercent));
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);
  const [refusals, setRefusals] = useState(0);
  const percentId = useId();

  const chooseRole = async (role: RaterRole) => {
    const response = await backend.setRole(role);
    setMessage(
      response.ok
        ? {
            text:
              role === 'manager'
                ? 'Your scores will be recorded as a manager’s validating scores.'
                : 'Your scores will be recorded as a rep’s.',
            isError: false,
          }
        : { text: response.error.message, isError: true },
    );
    if (response.ok) await onChanged();
    else setRefusals((count) => count + 1);
  };

  const savePercent = async (event: FormEvent) => {
    event.preventDefault();
    const response = await backend.setStaleAmountChange(Number(percent));
    setMessage(
      response.ok
        ? {
            text: `A score goes stale once the amount moves by more than ${response.value.percent}%.`,
            isError: false,
          }
        : { text: response.error.message, isError: true },
    );
    if (response.ok) await onChanged();
  };

  return (
    <section aria-labelledby="role-heading">
      <h2 id="role-heading">Role and stale scores</h2>
      {/* Uncontrolled, so a click shows at once; keyed by the stored role, so a refused change snaps back. */}
      <fieldset key={`${settings.role}:${refusals}`} disabled={settings.roleManaged}>
        <legend>
          Your role {settings.roleManaged && <span className="ys-managed">Managed by your organisation</span>}
        </legend>
        {(['rep', 'manager'] as const).map((role) => (
          <label key={role} className="ys-choice">
            <input
              type="radio"
              name="role"
              value={role}
              defaultChecked={settings.role === role}
              onChange={() => void chooseRole(role)}
            />{' '}
            {ROLE_LABELS[role]}
          </label>
        ))}
      </fieldset>
      <form onSubmit={(event) => void savePercent(event)}>
        <label htmlFor={percentId}>
          A score goes stale when the deal’s amount changes by more than (%){' '}
          {settings.staleAmountChangeManaged && (
            <span className="ys-managed">Managed by your organisation</span>
          )}
        </label>
        <input
          id={percentId}
          type="number"
          min={1}
          max={1000}
          value={percent}
          disabled={settings.staleAmountChangeManaged}
          onChange={(e) => setPercent(e.target.value)}
        />
        <button type="submit" disabled={settings.staleAmountChangeManaged}>
          Save threshold
        </button>
      </form>
      <p>
        A stage change or a later close date also makes a score stale, and so does age: after the definitions’{' '}
        <code>staleAfterDays</code> (30 days if they set none).
      </p>
      {message && (
        <p role={message.isError ? 'alert' : 'status'} className={message.isError ? 'ys-failure' : undefined}>
          {message.text}
        </p>
      )}
    </section>
  );
}
