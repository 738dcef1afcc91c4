/**
 * The parts of a URL a CRM's deal-URL check reads: a `URL` or the page's own `Location` (the
 * loaders pass `location`, so a page that is not a deal costs no URL parse).
 */
export type UrlParts = Pick<URL, 'hostname' | 'pathname' | 'search' | 'hash'>;
