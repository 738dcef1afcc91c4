import { createGenericAdapter } from '../../lib/crm/generic-adapter';
import { segmentLabels } from '../../lib/crm/crm-adapter';
import { loadFixture } from '../unit/helpers/load-fixture';

// Ids from definitions (captureFields, criteria, stages) that Object.prototype also holds must be read
// as the admin's words, never as the inherited function.
const HOSTILE_IDS = ['constructor', 'hasownproperty', 'valueof', 'tostring'];

describe('definitions ids named like Object properties', () => {
  it.each(HOSTILE_IDS)('captureFields "%s" is labelled in words, not read from Object.prototype', (id) => {
    expect(() => segmentLabels(id)).not.toThrow();
    expect(segmentLabels(id).at(-1)).toBe(id.charAt(0).toUpperCase() + id.slice(1));
  });

  it('the generic adapter reads a captureFields "constructor" it has no selector for as unknown', () => {
    const adapter = createGenericAdapter({
      urlPattern: 'https://crm\\.example\\.com/deals/(?<id>\\d+)',
      selectors: { name: 'h1.deal-title', segments: { lead_source: '[data-field="lead_source"]' } },
    });
    const reading = adapter.read(
      loadFixture('generic/deal-page.html'),
      'https://crm.example.com/deals/42',
      new Date('2026-11-02T09:30:00.000Z'),
      { captureFields: ['constructor'] },
    );
    expect(reading).toMatchObject({
      status: 'ready',
      snapshot: { segments: { constructor: { text: null } } },
    });
  });
});
