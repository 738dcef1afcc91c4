import type { DealSnapshot } from '../crm/deal-snapshot';
import { assessStaleness, DEFAULT_AMOUNT_CHANGE_SHARE } from './staleness';
import { lightningSnapshot } from '../../tests/unit/helpers/deal-snapshots';

const SAVED_AT = '2026-11-01T10:00:00.000Z';
const NOW = new Date('2026-11-02T10:00:00.000Z');
const scored = lightningSnapshot({
  stage: { text: 'Qualification', strategy: 'path.current' },
  amount: { text: 'USD 1,000,000.00', strategy: 'highlights.item:Amount', value: 1_000_000, currency: 'USD' },
  closeDate: { text: '1/31/2027', strategy: 'highlights.item:Close Date', iso: '2027-01-31' },
});

function assess(
  current: Partial<DealSnapshot>,
  options: { staleAfterDays?: number; amountChangeShare?: number; now?: Date } = {},
) {
  return assessStaleness(
    { ...scored, ...current },
    { deal: scored, savedAt: SAVED_AT },
    { now: NOW, ...options },
  );
}

function amount(
  value: number | null,
  currency: string | null = 'USD',
  text = `${currency} ${value}`,
): DealSnapshot['amount'] {
  return { text, strategy: 'highlights.item:Amount', value, currency };
}

function closeDate(iso: string | null): DealSnapshot['closeDate'] {
  return { text: iso, strategy: 'highlights.item:Close Date', iso };
}

describe('assessStaleness', () => {
  it('keeps a score fresh while the deal is as it was scored', () => {
    expect(assess({ readAt: '2026-11-02T09:00:00.000Z' }, { staleAfterDays: 30 })).toEqual({
      stale: false,
      reasons: [],
      unchecked: [],
    });
  });

  it('marks the score stale when the stage changed, and says from what to what', () => {
    expect(assess({ stage: { text: 'Proposal/Price Quote', strategy: 'path.current' } })).toEqual({
      stale: true,
      reasons: [
        {
          kind: 'stage-changed',
          from: 'Qualification',
          to: 'Proposal/Price Quote',
          message: 'Stage changed from Qualification to Proposal/Price Quote',
        },
      ],
      unchecked: [],
    });
  });

  it('does not count a stage read with other case or spacing (another strategy) as a change', () => {
    expect(assess({ stage: { text: ' qualification ', strategy: 'details.StageName' } }).stale).toBe(false);
  });

  it('marks the score stale when the close date is pushed out, but not when it is pulled in', () => {
    expect(assess({ closeDate: closeDate('2027-03-17') }).reasons).toEqual([
      {
        kind: 'close-date-pushed',
        from: '2027-01-31',
        to: '2027-03-17',
        days: 45,
        message: 'Close date pushed out by 45 days, from 2027-01-31 to 2027-03-17',
      },
    ]);
    expect(assess({ closeDate: closeDate('2027-02-01') }).reasons[0]?.message).toBe(
      'Close date pushed out by 1 day, from 2027-01-31 to 2027-02-01',
    );
    expect(assess({ closeDate: closeDate('2026-12-15') }).stale).toBe(false);
  });

  it(`marks the score stale when the amount moves by more than ${DEFAULT_AMOUNT_CHANGE_SHARE * 100}% by default, either way`, () => {
    expect(assess({ amount: amount(1_200_000) }).stale).toBe(false);
    expect(assess({ amount: amount(800_000) }).stale).toBe(false);
    expect(assess({ amount: amount(1_250_000, 'USD', 'USD 1,250,000.00') }).reasons).toEqual([
      {
        kind: 'amount-changed',
        from: 1_000_000,
        to: 1_250_000,
        share: 0.25,
        message: 'Amount changed by 25%, from USD 1,000,000.00 to USD 1,250,000.00 (more than 20%)',
      },
    ]);
    expect(assess({ amount: amount(700_000) }).reasons[0]).toMatchObject({
      kind: 'amount-changed',
      share: 0.3,
    });
  });

  it('uses the configured share', () => {
    expect(assess({ amount: amount(1_400_000) }, { amountChangeShare: 0.5 }).stale).toBe(false);
    expect(assess({ amount: amount(1_010_000) }, { amountChangeShare: 0 }).stale).toBe(true);
    expect(() => assess({}, { amountChangeShare: -0.1 })).toThrow('amountChangeShare');
    expect(() => assess({}, { amountChangeShare: Number.NaN })).toThrow('amountChangeShare');
  });

  it('treats any amount on a deal scored at zero as a change, and a currency change as one too', () => {
    const zero = { ...scored, amount: amount(0, 'USD', 'USD 0.00') };
    const fromZero = assessStaleness(
      { ...scored, amount: amount(10, 'USD', 'USD 10.00') },
      { deal: zero, savedAt: SAVED_AT },
      { now: NOW },
    );
    expect(fromZero.reasons).toEqual([
      {
        kind: 'amount-changed',
        from: 0,
        to: 10,
        share: null,
        message: 'Amount changed, from USD 0.00 to USD 10.00 (more than 20%)',
      },
    ]);
    expect(assess({ amount: amount(1_000_000, 'EUR', 'EUR 1.000.000,00') }).reasons).toEqual([
      {
        kind: 'currency-changed',
        from: 'USD',
        to: 'EUR',
        message: 'Amount changed currency from USD 1,000,000.00 to EUR 1.000.000,00',
      },
    ]);
  });

  it('lists fields unknown now or when scored as unchecked, never as changes', () => {
    const unknownNow = assess({
      stage: { text: null, strategy: null },
      amount: amount(null, null, ''),
      closeDate: closeDate(null),
    });
    expect(unknownNow).toEqual({ stale: false, reasons: [], unchecked: ['stage', 'closeDate', 'amount'] });
  });

  it('marks a score older than staleAfterDays stale, and never by age without it', () => {
    const at = (days: number) => new Date(Date.parse(SAVED_AT) + days * 86_400_000);
    expect(assess({}, { staleAfterDays: 30, now: at(30) }).stale).toBe(false);
    expect(assess({}, { staleAfterDays: 30, now: at(31) }).reasons).toEqual([
      {
        kind: 'too-old',
        ageDays: 31,
        staleAfterDays: 30,
        message: 'Scored 31 days ago; scores go stale after 30 days',
      },
    ]);
    expect(assess({}, { now: at(400) }).stale).toBe(false);
  });

  it('gives every reason at once, in a fixed order', () => {
    const result = assess(
      {
        stage: { text: 'Closed Lost', strategy: 'path.current' },
        closeDate: closeDate('2027-06-30'),
        amount: amount(100),
      },
      { staleAfterDays: 1, now: new Date('2026-11-05T10:00:00.000Z') },
    );
    expect(result.reasons.map((reason) => reason.kind)).toEqual([
      'stage-changed',
      'close-date-pushed',
      'amount-changed',
      'too-old',
    ]);
  });

  it('refuses to compare two different deals', () => {
    const other = lightningSnapshot({
      recordId: '006Dn00000XyZaBIAV',
      dealKey: 'salesforce-lightning:acme:006Dn00000XyZaBIAV',
    });
    expect(() => assessStaleness(other, { deal: scored, savedAt: SAVED_AT }, { now: NOW })).toThrow(
      'one deal',
    );
  });
});
