import { formatDate, formatDateTime, formatSavedAt, formatTimeOfDay } from './date-formats';

const ISO = '2026-11-22T13:05:09.000Z';

describe('date formats', () => {
  it('give what the Date methods they replace give, in the same locale and time zone', () => {
    const date = new Date(ISO);
    expect(formatSavedAt(ISO)).toBe(
      date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }),
    );
    expect(formatDate(ISO)).toBe(date.toLocaleDateString());
    expect(formatTimeOfDay(ISO)).toBe(date.toLocaleTimeString());
    expect(formatDateTime(ISO)).toBe(date.toLocaleString());
  });

  it('format each date, not the first one they were given', () => {
    const later = '2027-03-04T08:30:00.000Z';
    expect(formatDate(ISO)).not.toBe(formatDate(later));
    expect(formatDate(later)).toBe(new Date(later).toLocaleDateString());
  });

  it('build each Intl.DateTimeFormat once', () => {
    formatSavedAt(ISO);
    const constructed = vi.spyOn(Intl, 'DateTimeFormat');
    try {
      for (let day = 1; day <= 5; day++) formatSavedAt(`2026-11-0${day}T10:00:00.000Z`);
      expect(constructed).not.toHaveBeenCalled();
    } finally {
      constructed.mockRestore();
    }
  });
});
