/** Wall-clock arithmetic in an IANA time zone with nothing but Intl (DST-correct). */

export interface LocalDate {
  readonly year: number;
  readonly month: number; // 1-12
  readonly day: number; // 1-31
}

export interface LocalDateTime extends LocalDate {
  /** 0 = Sunday … 6 = Saturday */
  readonly weekday: number;
  readonly minuteOfDay: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

function wallParts(
  at: number,
  timeZone: string,
): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(at))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    y: parts.year ?? 1970,
    mo: parts.month ?? 1,
    d: parts.day ?? 1,
    h: parts.hour ?? 0,
    mi: parts.minute ?? 0,
    s: parts.second ?? 0,
  };
}

/** Offset of the zone from UTC at that instant, in ms (Paris: +1 h in winter, +2 h in summer). */
export function zoneOffsetMs(at: number, timeZone: string): number {
  const p = wallParts(at, timeZone);
  const wallAsUtc = Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi, p.s);
  return wallAsUtc - (at - (((at % 1000) + 1000) % 1000));
}

export function toLocal(at: number, timeZone: string): LocalDateTime {
  const p = wallParts(at, timeZone);
  return {
    year: p.y,
    month: p.mo,
    day: p.d,
    weekday: new Date(Date.UTC(p.y, p.mo - 1, p.d)).getUTCDay(),
    minuteOfDay: p.h * 60 + p.mi,
  };
}

/**
 * The instant when the wall clock in `timeZone` shows `date` at `minuteOfDay`. A wall time inside
 * a spring-forward gap maps to the instant just after the gap.
 */
export function fromLocal(date: LocalDate, minuteOfDay: number, timeZone: string): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day, 0, minuteOfDay);
  const guess = wall - zoneOffsetMs(wall, timeZone);
  const offsetAtGuess = zoneOffsetMs(guess, timeZone);
  return offsetAtGuess === wall - guess ? guess : wall - offsetAtGuess;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const t = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

export function isoDate(date: LocalDate): string {
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}
