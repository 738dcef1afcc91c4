import type { ConditionalHeaders } from './fetch-definitions';

/** The outcome of the latest definitions sync from a URL. */
export interface SyncState {
  url: string;
  /** Validators of the last good fetch of `url`, for conditional requests. */
  validators: ConditionalHeaders | null;
  lastCheckAt: string;
  /** Where the last fetched text came from, when the URL redirected elsewhere. */
  finalUrl?: string;
  lastResult: 'changed' | 'unchanged' | 'failed';
}

/** What one sync did, for the status shown to reps and admins. */
export type SyncOutcome =
  | { result: 'not-configured' }
  | { result: 'unchanged' }
  | { result: 'changed'; hash: string; version: string }
  | { result: 'failed'; message: string };
