import { DealSnapshotSchema } from '../crm/deal-snapshot';
import { MessageType, RequestSchema } from '../messaging/protocol';
import { calibrationSnapshot } from '../scoring/calibration-case';
import {
  MAX_CALIBRATION_CASES,
  MAX_CRITERIA,
  MAX_DEFINITIONS_BYTES,
  MAX_IDENTIFIER_LENGTH,
  MAX_NAME_LENGTH,
} from './definitions-limits';
import { parseDefinitions } from './parse-definitions';

const HASH = 'a'.repeat(64);
const SAVE_ID = '3b241101-e2bb-4255-8caf-4136c566a962';

/** Definitions with `criteria` criteria and one calibration case, every id and name as long as allowed. */
function definitionsText(criteria: number): string {
  const longId = (prefix: string) => prefix + 'x'.repeat(MAX_IDENTIFIER_LENGTH - prefix.length);
  return JSON.stringify({
    schemaVersion: 1,
    id: longId('team'),
    version: 'v'.repeat(MAX_NAME_LENGTH),
    title: 'Largest allowed',
    criteria: Array.from({ length: criteria }, (_, i) => ({
      id: longId(`c${i}-`),
      name: 'n'.repeat(MAX_NAME_LENGTH),
      question: 'Q?',
      definition: 'D.',
      weight: 1,
      levels: [
        { value: 0, label: 'None', evidence: 'Nothing.' },
        { value: 1, label: 'Some', evidence: 'Something.' },
      ],
    })),
    bands: [{ id: 'all', label: 'All', min: 0, max: 100 }],
    stages: [],
    calibration: Array.from({ length: MAX_CALIBRATION_CASES }, (_, i) => ({
      id: longId(`case${i}-`),
      title: 't'.repeat(MAX_NAME_LENGTH),
      summary: 'S.',
    })),
  });
}

describe('definitions limits shared by the schema and the message protocol', () => {
  it('definitions at the limits fit in a file and can be saved through the protocol', () => {
    const text = definitionsText(MAX_CRITERIA);
    expect(text.length).toBeLessThanOrEqual(MAX_DEFINITIONS_BYTES);
    const parsed = parseDefinitions(text);
    if (!parsed.ok) throw new Error(parsed.error.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
    const answers = parsed.value.criteria.map((c) => ({ criterionId: c.id, level: 1, evidence: '' }));
    const caseId = parsed.value.calibration![MAX_CALIBRATION_CASES - 1]!.id;

    expect(
      RequestSchema.safeParse({
        type: MessageType.saveCalibrationScore,
        saveId: SAVE_ID,
        caseId,
        definitionsHash: HASH,
        answers,
      }).error,
    ).toBeUndefined();
    const snapshot = calibrationSnapshot(parsed.value, caseId, new Date('2026-12-01T00:00:00Z'));
    expect(DealSnapshotSchema.safeParse(snapshot).error).toBeUndefined();
    expect(
      RequestSchema.safeParse({
        type: MessageType.saveScore,
        saveId: SAVE_ID,
        deal: snapshot,
        definitionsHash: HASH,
        answers,
      }).error,
    ).toBeUndefined();
  });

  it(`refuses ${MAX_CRITERIA + 1} criteria, which no save could carry`, () => {
    const parsed = parseDefinitions(definitionsText(MAX_CRITERIA + 1));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.problems).toContainEqual(
      expect.objectContaining({
        path: 'criteria',
        message: expect.stringContaining(`at most ${MAX_CRITERIA}`),
      }),
    );
  });
});
