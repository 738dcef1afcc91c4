import type { DealSnapshot } from './deal-snapshot';

/** What the sidebar knows about the page it is on. */
export type DealPageState =
  | { status: 'not-a-deal' }
  | { status: 'invalid-record-id'; rawRecordId: string }
  | { status: 'waiting-for-header'; dealKey: string; recordId: string }
  /** The header never rendered: the deal is keyed from the URL and every field is unknown. */
  | { status: 'header-timeout'; snapshot: DealSnapshot; waitedMs: number }
  | { status: 'ready'; snapshot: DealSnapshot };

/** The deal key of a page state, when the page names a deal. */
export function dealKeyOf(page: DealPageState): string | null {
  switch (page.status) {
    case 'waiting-for-header':
      return page.dealKey;
    case 'header-timeout':
    case 'ready':
      return page.snapshot.dealKey;
    default:
      return null;
  }
}
