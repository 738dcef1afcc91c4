// Types only: every CRM's URL check imports them, and the loaders carry those checks alone.

/**
 * The parts of a URL a CRM's deal-URL check reads: a `URL` or the page's own `Location` (the
 * loaders pass `location`, so a page that is not a deal costs no URL parse).
 */
export type UrlParts = Pick<URL, 'hostname' | 'pathname' | 'search' | 'hash'>;

/** A URL that shows one deal; the id is as found, not yet validated. */
export type DealPageMatch =
  | { crm: 'salesforce-lightning'; rawRecordId: string }
  | {
      crm: 'salesforce-classic' | 'hubspot' | 'dynamics365' | 'pipedrive' | 'generic';
      /** The org, portal or company the URL names (see DealSnapshot.instance). */
      instance: string;
      rawRecordId: string;
    };

/** One CRM's deal-URL check: the match, null for another page of its hosts, undefined off its hosts. */
export type DealUrlCheck = (url: UrlParts) => DealPageMatch | null | undefined;
