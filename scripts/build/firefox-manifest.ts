/** The add-on id: Firefox keys managed storage, the `3rdparty` policy and AMO listings by it. */
export const FIREFOX_ADDON_ID = 'yardstick@yardstick.example';

/**
 * Firefox 140 (ESR): the first to read data_collection_permissions, which AMO requires of new add-ons.
 * The MV3 features used need less (host_permissions granted at install: 127, optional_host_permissions:
 * 128); docs/firefox.md lists them.
 */
export const FIREFOX_MIN_VERSION = '140.0';

/** The manifest keys only the Firefox package carries; an empty object for every other browser. */
export function firefoxManifestKeys(browser: string): Record<string, unknown> {
  if (browser !== 'firefox') return {};
  return {
    browser_specific_settings: {
      gecko: {
        id: FIREFOX_ADDON_ID,
        strict_min_version: FIREFOX_MIN_VERSION,
        // Scores, definitions and settings stay in the browser; nothing goes to us or a third party.
        data_collection_permissions: { required: ['none'] },
      },
    },
  };
}
