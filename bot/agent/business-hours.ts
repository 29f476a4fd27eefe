import type { BusinessHoursConfig } from '../../handoff/index';
import type { SupportHours } from '../config';

const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const hhmm = (hour: number): string => (hour >= 24 ? '23:59' : `${String(hour).padStart(2, '0')}:00`);

/** The bot's support hours (SUPPORT_*) as the queue's business hours: one setting for both. */
export function businessHoursFor(hours: SupportHours): BusinessHoursConfig {
  const interval = { open: hhmm(hours.openHour), close: hhmm(hours.closeHour) };
  return {
    timeZone: hours.timeZone,
    // ISO weekdays: 1 = Monday … 7 = Sunday.
    week: Object.fromEntries(hours.days.map((day) => [DAY_NAMES[day % 7] ?? 'sun', interval])),
  };
}
