import { z } from 'zod';
import type { Calibration } from './calibration';
import type { LearnedStore } from './learned-cache';
import { TEMPERATURES } from './ranker';

const finite = z.number().finite();
const logistic = z.object({
  mean: z.array(finite),
  scale: z.array(finite),
  weights: z.array(finite),
  bias: finite,
});
/** What a stored calibration must look like to be used (anything else: calibrate again). */
const storedCalibration = z.object({
  blend: z.object({
    knnShare: finite,
    entryShare: finite,
    denseShare: finite,
    temperature: z.number().refine((t) => (TEMPERATURES as readonly number[]).includes(t)),
  }),
  answer: logistic,
  shortlist: logistic,
  thresholds: z.object({ answerAt: finite, clarifyAt: finite }),
  source: z.enum(['calibration-set', 'self-calibration']),
  samples: z.object({ inScope: z.number().int().min(0), outOfScope: z.number().int().min(0) }),
});

/** The calibration stored under `key`, or `calibrate()`'s, saved there (JSON keeps every float64 exactly). */
export function calibrationOrLoad(
  store: LearnedStore | undefined,
  key: string | undefined,
  calibrate: () => Calibration,
): Calibration {
  if (!store || !key) return calibrate();
  const stored = storedCalibration.safeParse(store.load('calibration', key)?.json);
  if (stored.success) return stored.data;
  const calibration = calibrate();
  store.save('calibration', key, { json: calibration, arrays: [] });
  return calibration;
}

/** A number stored under `key` (the cascade gate), or `choose()`'s, saved there. */
export function numberOrLoad(
  store: LearnedStore | undefined,
  kind: string,
  key: string | undefined,
  choose: () => number,
): number {
  if (!store || !key) return choose();
  const stored = finite.safeParse(store.load(kind, key)?.json);
  if (stored.success) return stored.data;
  const value = choose();
  store.save(kind, key, { json: value, arrays: [] });
  return value;
}
