/**
 * Where a Lightning record view identifies and describes the opportunity: the header and its
 * highlights, the page header, the path and the details' fields (layout items, Dynamic Forms, older
 * Aura layouts), everything page.ts's strategies read below the view.
 */
export const LIGHTNING_RECORD_REGIONS: readonly string[] = [
  'records-highlights2',
  'force-highlights2',
  '.slds-page-header',
  'h1',
  '.slds-path',
  'ul.slds-path__nav',
  'ul[aria-label="Path Options"]',
  '[data-target-selection-name^="sfdc:RecordField."]',
  '[data-field-id]',
  'records-record-layout-item',
  'flexipage-field',
  'record_flexipage-record-field',
  '.slds-form-element',
];
