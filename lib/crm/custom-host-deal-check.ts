import { detectDealPage, type CustomDealUrl } from './deal-page-url';

/**
 * The custom hosts' loader check: whether the page's URL matches one of the custom CRMs' deal URL
 * patterns. The patterns are read on the first check only; unreadable patterns count as none.
 */
export function customHostDealCheck(
  href: () => string,
  readCustomUrls: () => Promise<readonly CustomDealUrl[]>,
): () => Promise<boolean> {
  let customUrls: Promise<readonly CustomDealUrl[]> | undefined;
  return async () => {
    const url = href();
    customUrls ??= readCustomUrls().catch(() => []);
    const custom = await customUrls;
    return custom.length > 0 && detectDealPage(url, custom) !== null;
  };
}
