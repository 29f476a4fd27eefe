import { BusinessHours, DEMO_BUSINESS_HOURS } from '../../../handoff';

/** Paris wall-clock time → instant, written out by hand per season (UTC+1 winter, UTC+2 summer). */
const utc = (iso: string): number => Date.parse(iso);
const HOUR = 3_600_000;

describe('BusinessHours (Mon–Sat 08:00–21:00 Europe/Paris)', () => {
  const hours = new BusinessHours(DEMO_BUSINESS_HOURS);

  it.each([
    ['Monday 07:59 winter', '2025-01-06T06:59:00Z', false],
    ['Monday 08:00 winter', '2025-01-06T07:00:00Z', true],
    ['Monday 20:59 winter', '2025-01-06T19:59:00Z', true],
    ['Monday 21:00 winter (end of hours)', '2025-01-06T20:00:00Z', false],
    ['Saturday 20:30', '2025-01-11T19:30:00Z', true],
    ['Sunday noon', '2025-01-12T11:00:00Z', false],
    ['Monday 08:00 summer (UTC+2)', '2025-07-07T06:00:00Z', true],
    ['Monday 07:30 summer', '2025-07-07T05:30:00Z', false],
    ['Monday 20:59 summer', '2025-07-07T18:59:00Z', true],
    ['Monday 21:00 summer', '2025-07-07T19:00:00Z', false],
  ])('%s → open=%s', (_label, at, open) => {
    expect(hours.isOpen(utc(at))).toBe(open);
  });

  it('opens at 08:00 local on the Monday right after the spring-forward Sunday (30 March 2025)', () => {
    // Sunday 30 March 2025: clocks go 02:00 → 03:00. Monday opens 08:00 CEST = 06:00 UTC.
    expect(hours.nextOpening(utc('2025-03-30T12:00:00Z'))).toBe(utc('2025-03-31T06:00:00Z'));
    expect(hours.isOpen(utc('2025-03-31T05:59:00Z'))).toBe(false);
    expect(hours.isOpen(utc('2025-03-31T06:00:00Z'))).toBe(true);
  });

  it('closes at 21:00 local on the Saturday before the fall-back Sunday (26 October 2025)', () => {
    // Saturday 25 October is still CEST (UTC+2): closes 19:00 UTC; Monday 27 opens at 07:00 UTC (CET).
    expect(hours.isOpen(utc('2025-10-25T18:59:00Z'))).toBe(true);
    expect(hours.isOpen(utc('2025-10-25T19:00:00Z'))).toBe(false);
    expect(hours.nextOpening(utc('2025-10-25T19:00:00Z'))).toBe(utc('2025-10-27T07:00:00Z'));
  });

  it('counts promised reply time in open hours only, across the night and the Sunday', () => {
    // Saturday 20:30 + 2 h of open time = 30 min Saturday + 90 min Monday → Monday 09:30 Paris.
    expect(hours.addOpenTime(utc('2025-01-11T19:30:00Z'), 2 * HOUR)).toBe(utc('2025-01-13T08:30:00Z'));
    // Inside hours, it is plain addition.
    expect(hours.addOpenTime(utc('2025-01-06T09:00:00Z'), 2 * HOUR)).toBe(utc('2025-01-06T11:00:00Z'));
    // Saturday night before the fall-back: Monday 08:00 CET + 4 h.
    expect(hours.addOpenTime(utc('2025-10-25T22:00:00Z'), 4 * HOUR)).toBe(utc('2025-10-27T11:00:00Z'));
  });

  it('stays closed on configured holidays', () => {
    const withHoliday = new BusinessHours({ ...DEMO_BUSINESS_HOURS, holidays: ['2025-05-01'] });
    const thursdayMay1 = utc('2025-05-01T10:00:00Z');
    expect(hours.isOpen(thursdayMay1)).toBe(true);
    expect(withHoliday.isOpen(thursdayMay1)).toBe(false);
    expect(withHoliday.nextOpening(thursdayMay1)).toBe(utc('2025-05-02T06:00:00Z'));
  });

  it('works in another zone (New York) across its own DST change', () => {
    const ny = new BusinessHours({
      timeZone: 'America/New_York',
      week: { sun: { open: '09:00', close: '17:00' } },
    });
    // 9 March 2025 is the US spring-forward Sunday: 09:00 EDT = 13:00 UTC.
    expect(ny.nextOpening(utc('2025-03-08T12:00:00Z'))).toBe(utc('2025-03-09T13:00:00Z'));
    // A week earlier (EST): 14:00 UTC.
    expect(ny.nextOpening(utc('2025-03-01T12:00:00Z'))).toBe(utc('2025-03-02T14:00:00Z'));
  });

  it('rejects a bad configuration, naming the field', () => {
    expect(() => new BusinessHours({ timeZone: 'Mars/Olympus', week: {} })).toThrow(/time zone/);
    expect(
      () => new BusinessHours({ timeZone: 'Europe/Paris', week: { mon: { open: '21:00', close: '08:00' } } }),
    ).toThrow(/open must be before close/);
  });
});
