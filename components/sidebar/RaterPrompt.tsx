import { useId, useState, type FormEvent } from 'react';
import { useSidebar } from './sidebar-context';

/** Asks who is scoring until a rater is set; scores cannot be saved without one. */
export function RaterPrompt() {
  const deal = useSidebar((s) => s.deal);
  const setRater = useSidebar((s) => s.setRater);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  if (deal.status !== 'loaded' || deal.value.rater) return null;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') {
      setError('Enter your name or email.');
      return;
    }
    const failure = await setRater(name.trim());
    setError(failure?.message ?? null);
  };

  return (
    <form className="ys-rater" onSubmit={onSubmit} aria-label="Who is scoring">
      <label htmlFor={inputId}>Your name or email (recorded with every score you save)</label>
      <div className="ys-row">
        <input id={inputId} value={name} onChange={(e) => setName(e.target.value)} autoComplete="email" />
        <button type="submit" className="ys-button">
          Save name
        </button>
      </div>
      {error && (
        <p className="ys-field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
