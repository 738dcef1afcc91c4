/**
 * Where a HubSpot deal page identifies and describes the deal: the highlight cards and their
 * properties, the data highlights and the property cards' labels and inputs, everything page.ts's
 * strategies read.
 */
export const HUBSPOT_RECORD_REGIONS: readonly string[] = [
  '[data-test-id="highlight-record-label"]',
  '[data-selenium-test="highlightTitle"]',
  '[data-selenium-component="ProfileHighlightContainer"]',
  '[data-card-type="OBJECT_HIGHLIGHT"]',
  '[data-test-id="record-highlight-main-content"]',
  '[data-test-id^="highlight-property-item-"]',
  '[data-test-id="crm-data-highlights-item"]',
  '[data-selenium-test^="property-input-"]',
  '[data-test-id^="property-input-"]',
  'label',
];
