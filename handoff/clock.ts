/** Where the handoff domain reads the time, so tests move time by hand instead of sleeping. */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

export const systemClock: Clock = Object.freeze({ now: () => Date.now() });

/** A clock that only moves when told to. */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: number | Date = Date.UTC(2025, 0, 6, 9, 0, 0)) {
    this.current = typeof start === 'number' ? start : start.getTime();
  }

  now(): number {
    return this.current;
  }

  set(at: number | Date): void {
    this.current = typeof at === 'number' ? at : at.getTime();
  }

  advance(ms: number): void {
    this.current += ms;
  }
}
