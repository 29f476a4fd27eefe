import { BusinessHours } from '../../handoff/index';
import { businessHoursFor } from '../agent/business-hours';
import type { SupportHours } from '../config';

/** Support is closed at this moment: when it opens, and whether that is today, tomorrow or later. */
export interface ClosedNow {
  readonly opensAt: number;
  readonly day: 'today' | 'tomorrow' | 'later';
  readonly timeZone: string;
}

/** One BusinessHours per settings object: the same rules the queue uses to open tickets. */
const calendars = new WeakMap<SupportHours, BusinessHours>();

function calendarOf(hours: SupportHours): BusinessHours {
  let calendar = calendars.get(hours);
  if (!calendar) {
    calendar = new BusinessHours(businessHoursFor(hours));
    calendars.set(hours, calendar);
  }
  return calendar;
}

/** YYYY-MM-DD of an instant on the wall clock of `timeZone`. */
const localDate = (at: number, timeZone: string): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(at),
  );

/** The day after a YYYY-MM-DD date (calendar arithmetic, so DST days of 23 or 25 hours do not matter). */
function nextDay(date: string): string {
  const day = new Date(`${date}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/** Undefined while support is open; otherwise its next opening, in the company's time zone. */
export function closedNow(now: Date, hours: SupportHours): ClosedNow | undefined {
  const calendar = calendarOf(hours);
  const at = now.getTime();
  if (calendar.isOpen(at)) return undefined;
  const opensAt = calendar.nextOpening(at);
  const today = localDate(at, hours.timeZone);
  const opening = localDate(opensAt, hours.timeZone);
  const day = opening === today ? 'today' : opening === nextDay(today) ? 'tomorrow' : 'later';
  return { opensAt, day, timeZone: hours.timeZone };
}
