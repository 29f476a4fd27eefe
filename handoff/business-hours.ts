import { z } from 'zod';
import { addDays, fromLocal, isoDate, isValidTimeZone, toLocal, type LocalDate } from './zoned-time';

const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
type DayName = (typeof DAY_NAMES)[number];

const hhmm = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:MM')
  .transform((v) => Number(v.slice(0, 2)) * 60 + Number(v.slice(3, 5)));

const intervalSchema = z
  .object({ open: hhmm, close: hhmm })
  .refine((i) => i.open < i.close, 'open must be before close');

export const businessHoursSchema = z.object({
  timeZone: z.string().refine(isValidTimeZone, 'an IANA time zone such as Europe/Paris'),
  /** Opening hours per day of the week; a missing day is closed. */
  week: z.partialRecord(z.enum(DAY_NAMES), intervalSchema),
  /** Local dates (YYYY-MM-DD) when the service is closed all day. */
  holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')).default([]),
});
export type BusinessHoursConfig = z.input<typeof businessHoursSchema>;
export type ParsedBusinessHours = z.output<typeof businessHoursSchema>;

/** "Mon aide à l'heure": Monday to Saturday, 08:00–21:00, Paris time. */
export const DEMO_BUSINESS_HOURS: BusinessHoursConfig = Object.freeze({
  timeZone: 'Europe/Paris',
  week: {
    mon: { open: '08:00', close: '21:00' },
    tue: { open: '08:00', close: '21:00' },
    wed: { open: '08:00', close: '21:00' },
    thu: { open: '08:00', close: '21:00' },
    fri: { open: '08:00', close: '21:00' },
    sat: { open: '08:00', close: '21:00' },
  },
  holidays: [],
});

interface Interval {
  readonly start: number;
  readonly end: number;
}

/** The longest search for the next opening (a year of holidays would be a configuration error). */
const SEARCH_DAYS = 400;

export class BusinessHours {
  private readonly timeZone: string;
  private readonly week: Partial<Record<DayName, { open: number; close: number }>>;
  private readonly holidays: ReadonlySet<string>;
  private readonly cache: { from: number; interval: Interval }[] = [];

  /** From the config as written ("08:00"); throws a ZodError naming the bad field. */
  constructor(config: BusinessHoursConfig = DEMO_BUSINESS_HOURS, alreadyParsed?: ParsedBusinessHours) {
    const parsed = alreadyParsed ?? businessHoursSchema.parse(config);
    this.timeZone = parsed.timeZone;
    this.week = parsed.week;
    this.holidays = new Set(parsed.holidays);
  }

  /** From a config the handoff config schema already parsed. */
  static fromParsed(parsed: ParsedBusinessHours): BusinessHours {
    return new BusinessHours(DEMO_BUSINESS_HOURS, parsed);
  }

  isOpen(at: number): boolean {
    return this.findInterval(at).start <= at;
  }

  /** `at` itself when open, otherwise the next instant the service opens. */
  nextOpening(at: number): number {
    if (this.isOpen(at)) return at;
    return this.findInterval(at).start;
  }

  /** When the current opening ends (only meaningful while open). */
  closingAfter(at: number): number {
    return this.findInterval(at).end;
  }

  /**
   * The instant when `durationMs` of open time has passed since `from`: a ticket opened on Saturday
   * at 20:30 with a 2-hour promise is due Monday 09:30.
   */
  addOpenTime(from: number, durationMs: number): number {
    let remaining = durationMs;
    let cursor = from;
    for (let i = 0; i < SEARCH_DAYS; i++) {
      const interval = this.findInterval(cursor);
      const start = Math.max(cursor, interval.start);
      if (start + remaining <= interval.end) return start + remaining;
      remaining -= interval.end - start;
      cursor = interval.end;
    }
    throw new Error(`no opening hours within ${SEARCH_DAYS} days`);
  }

  /**
   * The first open interval that ends after `at` (it may contain `at`). Cached: the answer computed
   * from instant F holds for every instant in [F, end), which covers nearly every call on a live
   * queue (each enqueue asks for it), and Intl formatting is the costly part.
   */
  private findInterval(at: number): Interval {
    for (const c of this.cache) {
      if (c.from <= at && at < c.interval.end) return c.interval;
    }
    const interval = this.computeInterval(at);
    this.cache.unshift({ from: at, interval });
    this.cache.length = Math.min(this.cache.length, 4);
    return interval;
  }

  private computeInterval(at: number): Interval {
    const today = toLocal(at, this.timeZone);
    for (let offset = 0; offset < SEARCH_DAYS; offset++) {
      const date = addDays(today, offset);
      const weekday = (today.weekday + offset) % 7;
      const hours = this.hoursOn(date, weekday);
      if (!hours) continue;
      const start = fromLocal(date, hours.open, this.timeZone);
      const end = fromLocal(date, hours.close, this.timeZone);
      if (end > at) return { start, end };
    }
    throw new Error(`no opening hours within ${SEARCH_DAYS} days`);
  }

  private hoursOn(date: LocalDate, weekday: number): { open: number; close: number } | undefined {
    if (this.holidays.has(isoDate(date))) return undefined;
    const name = DAY_NAMES[weekday];
    return name ? this.week[name] : undefined;
  }
}
