import { DRAFT_MAX_AGE_DAYS, isDraftExpired, readKeptDraft } from './unsaved-draft';

const NOW = new Date('2026-12-03T12:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const draftEdited = (msAgo: number) => ({
  answers: {
    metrics: { level: 2, evidence: 'CFO named the target' },
    champion: { level: null, evidence: '' },
  },
  editedAt: new Date(NOW.getTime() - msAgo).toISOString(),
});

describe('unsaved drafts', () => {
  it(`keeps a draft for ${DRAFT_MAX_AGE_DAYS} days after its last edit, and no longer`, () => {
    expect(isDraftExpired(draftEdited(DRAFT_MAX_AGE_DAYS * DAY), NOW)).toBe(false);
    expect(isDraftExpired(draftEdited(DRAFT_MAX_AGE_DAYS * DAY + 1), NOW)).toBe(true);
  });

  it('reads back a kept draft, and nothing from a malformed or expired one', () => {
    const fresh = draftEdited(DAY);
    expect(readKeptDraft(structuredClone(fresh), NOW)).toEqual(fresh);
    expect(readKeptDraft(draftEdited(31 * DAY), NOW)).toBeNull();
    expect(readKeptDraft({ answers: 'metrics=2', editedAt: fresh.editedAt }, NOW)).toBeNull();
    expect(readKeptDraft({ ...fresh, editedAt: 'yesterday' }, NOW)).toBeNull();
    expect(readKeptDraft(undefined, NOW)).toBeNull();
  });
});
