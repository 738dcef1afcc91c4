import type { AuditIndex, DealGroups } from '../audit-index';
import { staleness, type Staleness } from '../staleness';

/** How old the latest scores of open deals (scored, not in the outcomes file) are. */
export function openDealStaleness(
  data: AuditIndex,
  latestDeal: DealGroups,
  outcomes: Map<number, boolean>,
  asOf: number,
  staleAfterDays: number,
): Staleness {
  // A closed deal's score need not be refreshed, so only open (not closed) deals count.
  const times: number[] = [];
  for (const [deal, group] of latestDeal) {
    if (outcomes.has(deal)) continue;
    let latest = -Infinity;
    for (const s of group) latest = Math.max(latest, data.timeOf[s]!);
    if (Number.isFinite(latest)) times.push(latest);
  }
  return staleness(times, asOf, staleAfterDays);
}
