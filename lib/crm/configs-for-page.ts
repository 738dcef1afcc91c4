import { matchPatternFor, type GenericAdapterConfig } from './generic-adapter';

/**
 * The custom hosts' configs a content script on `pageUrl` may be given: those whose URL pattern names
 * the page's host, and the admin's patterns that name no single host. A page never learns the other
 * custom hosts (internal CRM names, selectors).
 */
export function configsForPage(
  configs: readonly GenericAdapterConfig[],
  pageUrl: string | undefined,
): GenericAdapterConfig[] {
  const host = hostOf(pageUrl);
  if (host === null) return [];
  const ownPattern = `https://${host}/*`;
  return configs.filter((config) => {
    const pattern = matchPatternFor(config);
    return pattern === null || pattern === ownPattern;
  });
}

function hostOf(url: string | undefined): string | null {
  try {
    const parsed = new URL(url ?? '');
    return parsed.protocol === 'https:' ? parsed.hostname : null;
  } catch {
    return null;
  }
}
