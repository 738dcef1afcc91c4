import { z } from 'zod';
import { changesScoring } from '../definitions/scoring-meaning';
import type { Definitions } from '../definitions/schema-v1';
import type { DefinitionsRef, ScoreRecord } from './score-record';

/** How long an opened deal counts as one the rep works on: its re-score is worth a reminder. */
export const RECENT_OPEN_DAYS = 30;

/** At most this many opened deals are remembered, the most recent first. */
export const MAX_REMEMBERED_OPENS = 500;

const DAY_MS = 24 * 60 * 60 * 1000;

/** When the rep last opened each deal (ISO time by deal key), as kept in the background's storage. */
export type RecentDealOpens = Record<string, string>;

const RecentDealOpensSchema = z.record(z.string().min(1).max(400), z.iso.datetime());

/** A deal the rep opened recently whose latest score was made under definitions that score differently. */
export interface DealToRescore {
  dealKey: string;
  /** The deal's name as saved with its latest score; null when it could not be read then. */
  name: string | null;
  /** Where the deal was read: the link that opens it again. */
  url: string;
  scoredUnder: Pick<DefinitionsRef, 'id' | 'version'>;
  savedAt: string;
  openedAt: string;
}

/** Reads stored opens, dropping anything malformed (storage written by an older build stays usable). */
export function readRecentDealOpens(stored: unknown): RecentDealOpens {
  const parsed = RecentDealOpensSchema.safeParse(stored);
  return parsed.success ? parsed.data : {};
}

/** Records that `dealKey` was opened at `now`, forgetting opens older than the window and the oldest past the cap. */
export function withDealOpened(opens: RecentDealOpens, dealKey: string, now: Date): RecentDealOpens {
  const recent = Object.entries({ ...opens, [dealKey]: now.toISOString() })
    .filter(([, openedAt]) => isRecent(openedAt, now))
    .sort(([, a], [, b]) => b.localeCompare(a))
    .slice(0, MAX_REMEMBERED_OPENS);
  return Object.fromEntries(recent);
}

/** The deals opened within the window, most recently opened first. */
export function recentlyOpened(opens: RecentDealOpens, now: Date): { dealKey: string; openedAt: string }[] {
  return Object.entries(opens)
    .filter(([, openedAt]) => isRecent(openedAt, now))
    .sort(([, a], [, b]) => b.localeCompare(a))
    .map(([dealKey, openedAt]) => ({ dealKey, openedAt }));
}

/**
 * The deal to re-score when its latest score was made under definitions that score differently from
 * the active ones; null when it is current, was never scored, or only what changes no score changed
 * since. `scoredUnder` is the score's definitions as stored; without them a differing hash must count.
 */
export function dealToRescore(
  latest: ScoreRecord | undefined,
  active: { hash: string; definitions: Definitions },
  scoredUnder: Definitions | undefined,
  openedAt: string,
): DealToRescore | null {
  if (!latest || latest.definitions.hash === active.hash) return null;
  if (scoredUnder && !changesScoring(scoredUnder, active.definitions)) return null;
  return {
    dealKey: latest.dealKey,
    name: latest.deal.name.text,
    url: latest.deal.url,
    scoredUnder: { id: latest.definitions.id, version: latest.definitions.version },
    savedAt: latest.savedAt,
    openedAt,
  };
}

function isRecent(openedAt: string, now: Date): boolean {
  const age = now.getTime() - Date.parse(openedAt);
  return age <= RECENT_OPEN_DAYS * DAY_MS;
}
