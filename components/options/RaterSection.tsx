import { useId, useState, type FormEvent } from 'react';
import type { SettingsView } from '../../lib/messaging/protocol';
import type { OptionsBackend } from './options-backend';

/** Who is scoring: the rep's name or email, or the one enterprise policy sets. */
export function RaterSection({
  backend,
  settings,
  onSaved,
}: {
  backend: OptionsBackend;
  settings: SettingsView;
  onSaved: () => Promise<void>;
}) {
  const [name, setName] = useState(settings.rater ?? '');
  const [status, setStatus] = useState<string | null>(null);
  const inputId = useId();
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const response = await backend.setRater(name);
    setStatus(
      response.ok ? `Saved: scores will be recorded as ${response.value.rater}.` : response.error.message,
    );
    if (response.ok) await onSaved();
  };
  return (
    <section aria-labelledby="rater-heading">
      <h2 id="rater-heading">Who is scoring</h2>
      {settings.raterManaged ? (
        <p>
          Scores are recorded as <strong>{settings.rater}</strong>{' '}
          <span className="ys-managed">Managed by your organisation</span>
        </p>
      ) : (
        <form onSubmit={onSubmit}>
          <label htmlFor={inputId}>Your name or email</label>
          <input id={inputId} value={name} onChange={(e) => setName(e.target.value)} autoComplete="email" />
          <button type="submit">Save name</button>
        </form>
      )}
      {status && <p role="status">{status}</p>}
    </section>
  );
}
