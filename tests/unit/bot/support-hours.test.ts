import { supportStatus, wallClock } from '../../../bot/requests/support-hours';
import { PARIS_HOURS } from '../../support/test-settings';

describe('support hours (Europe/Paris, Mon–Sat 8–21)', () => {
  test('wall clock follows daylight saving time', () => {
    expect(wallClock(new Date('2026-01-14T07:30:00Z'), 'Europe/Paris')).toEqual({
      weekday: 3,
      hour: 8,
      minute: 30,
    });
    expect(wallClock(new Date('2026-07-15T07:30:00Z'), 'Europe/Paris')).toEqual({
      weekday: 3,
      hour: 9,
      minute: 30,
    });
  });

  test.each([
    ['2026-03-11T07:00:00Z', { open: true, closesAtHour: 21 }], // Wed 8:00
    ['2026-03-11T19:59:00Z', { open: true, closesAtHour: 21 }], // Wed 20:59
    ['2026-03-11T06:59:00Z', { open: false, opensOn: { weekday: 3, hour: 8, today: true } }], // Wed 7:59
    ['2026-03-11T20:00:00Z', { open: false, opensOn: { weekday: 4, hour: 8, today: false } }], // Wed 21:00
    ['2026-03-14T20:30:00Z', { open: false, opensOn: { weekday: 1, hour: 8, today: false } }], // Sat 21:30
    ['2026-03-15T09:00:00Z', { open: false, opensOn: { weekday: 1, hour: 8, today: false } }], // Sun 10:00
  ])('%s', (iso, expected) => {
    expect(supportStatus(new Date(iso), PARIS_HOURS)).toEqual(expected);
  });
});
