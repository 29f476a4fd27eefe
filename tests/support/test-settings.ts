import type { SupportHours } from '../../bot/config';

// The fixed world the bot tests run in: one signing secret, Paris support hours, two instants.
export const SECRET = 'test-secret-test-secret-test-secret-0123';
export const PARIS_HOURS: SupportHours = {
  timeZone: 'Europe/Paris',
  days: [1, 2, 3, 4, 5, 6],
  openHour: 8,
  closeHour: 21,
};
/** Wednesday 11 March 2026, 10:00 in Paris (09:00 UTC): support is open. */
export const OPEN_TIME = new Date('2026-03-11T09:00:00Z');
/** Sunday 15 March 2026, 12:00 in Paris: support is closed until Monday 8:00. */
export const SUNDAY_NOON = new Date('2026-03-15T11:00:00Z');
