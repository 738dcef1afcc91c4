import meddpicc from '../../public/definitions/meddpicc.json';
import '../zod-jitless';
import { DealSnapshotSchema } from '../crm/deal-snapshot';
import { DefinitionsV1Schema } from '../definitions/schema-v1';
import { calibrationDealKey, calibrationSnapshot } from './calibration-case';

const definitions = DefinitionsV1Schema.parse(meddpicc);

describe('calibrationSnapshot', () => {
  it('turns a calibration case into a valid snapshot keyed by definitions and case', () => {
    const firstCase = definitions.calibration![0]!;
    const snapshot = calibrationSnapshot(definitions, firstCase.id, new Date('2026-11-22T12:00:00Z'));
    expect(snapshot).toMatchObject({
      crm: 'calibration',
      dealKey: calibrationDealKey('meddpicc', firstCase.id),
      name: { text: firstCase.title },
      stage: { text: null },
    });
    expect(DealSnapshotSchema.safeParse(snapshot).success).toBe(true);
  });

  it('is null for a case the definitions do not have', () => {
    expect(calibrationSnapshot(definitions, 'no-such-case', new Date())).toBeNull();
  });
});
