import type { SupportHours } from '../config';

/** Whether support answers right now, and if not, when it opens next (support's own time zone). */
export type SupportStatus =
  | { readonly open: true; readonly closesAtHour: number }
  | {
      readonly open: false;
      readonly opensOn: { readonly weekday: number; readonly hour: number; readonly today: boolean };
    };

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** The ISO weekday and the hour and minute of `now` on the wall clock of `timeZone`. */
export function wallClock(now: Date, timeZone: string): { weekday: number; hour: number; minute: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';
  const weekday = WEEKDAYS[part('weekday')];
  if (weekday === undefined) throw new Error(`unexpected weekday from Intl: ${part('weekday')}`);
  return { weekday, hour: Number(part('hour')), minute: Number(part('minute')) };
}

export function supportStatus(now: Date, hours: SupportHours): SupportStatus {
  const { weekday, hour } = wallClock(now, hours.timeZone);
  const workingDay = hours.days.includes(weekday);
  if (workingDay && hour >= hours.openHour && hour < hours.closeHour)
    return { open: true, closesAtHour: hours.closeHour };
  if (workingDay && hour < hours.openHour)
    return { open: false, opensOn: { weekday, hour: hours.openHour, today: true } };
  for (let ahead = 1; ahead <= 7; ahead++) {
    const next = ((weekday - 1 + ahead) % 7) + 1;
    if (hours.days.includes(next))
      return { open: false, opensOn: { weekday: next, hour: hours.openHour, today: false } };
  }
  throw new Error('support hours have no working day');
}
