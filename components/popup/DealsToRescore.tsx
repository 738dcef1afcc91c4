import { useEffect, useState } from 'react';
import type { DealToRescore } from '../../lib/scoring/deals-to-rescore';
import { RECENT_OPEN_DAYS } from '../../lib/scoring/deals-to-rescore';
import type { OptionsBackend } from '../options/options-backend';

/** The deals the rep opened recently that were last scored under older definitions, each a link to the deal. */
export function DealsToRescore({ backend, revision }: { backend: OptionsBackend; revision: number }) {
  const [deals, setDeals] = useState<DealToRescore[] | null>(null);
  useEffect(() => {
    let current = true;
    void backend.listDealsToRescore().then((response) => {
      if (current && response.ok) setDeals(response.value);
    });
    return () => {
      current = false;
    };
  }, [backend, revision]);
  if (!deals || deals.length === 0) return null;
  return (
    <section className="ys-popup-rescore" aria-labelledby="ys-rescore-heading">
      <h2 id="ys-rescore-heading">To re-score</h2>
      <p>
        {deals.length === 1 ? 'A deal' : `${deals.length} deals`} you opened in the last {RECENT_OPEN_DAYS}{' '}
        days {deals.length === 1 ? 'was' : 'were'} last scored under older definitions:
      </p>
      <ul aria-label="Deals to re-score">
        {deals.map((deal) => (
          <li key={deal.dealKey}>
            {isWebLink(deal.url) ? (
              <a href={deal.url} target="_blank" rel="noreferrer">
                {deal.name ?? deal.dealKey}
              </a>
            ) : (
              (deal.name ?? deal.dealKey)
            )}{' '}
            <span className="ys-muted">
              (scored under {deal.scoredUnder.id} {deal.scoredUnder.version})
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

// Only a web page's address becomes a link: a stored URL never runs script in the popup.
function isWebLink(url: string): boolean {
  try {
    return ['https:', 'http:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}
