import { DockToFrameSchema } from './dock-protocol';
import { FRAME_RAW_RECORD_ID_MAX, FRAME_URL_MAX, pageReadingForFrame } from './page-reading-message';

describe('pageReadingForFrame', () => {
  it('cuts an over-long URL so the relay still passes the reading', () => {
    const url = `https://acme.lightning.force.com/lightning/r/Opportunity/006Ak00002GLBXaIAP/view?${'x'.repeat(5000)}`;
    const message = pageReadingForFrame({ status: 'not-a-deal' }, 'salesforce-lightning', url);
    expect(message.url).toHaveLength(FRAME_URL_MAX);
    expect(DockToFrameSchema.safeParse(message).success).toBe(true);
  });

  it('cuts an over-long invalid record id, which a page can make any length', () => {
    const message = pageReadingForFrame(
      { status: 'invalid-record-id', rawRecordId: 'z'.repeat(1000) },
      'salesforce-lightning',
      'https://acme.lightning.force.com/lightning/r/Opportunity/zzz/view',
    );
    expect(message.state).toEqual({
      status: 'invalid-record-id',
      rawRecordId: 'z'.repeat(FRAME_RAW_RECORD_ID_MAX),
    });
    expect(DockToFrameSchema.safeParse(message).success).toBe(true);
  });
});
