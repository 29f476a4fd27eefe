import type { CalibrationSample } from './calibration';
import type { DenseVectors } from './dense';
import { mulberry32 } from './linear-model';
import type { Locale } from './locale';
import { Ranker, type RankerOptions } from './ranker';
import type { Synonyms } from './synonyms';

/** One entry's phrasings, as the ranker trains on them. */
export interface EntryPhrasings {
  readonly phrasings: readonly string[];
  /** Evidence that trains but is never held out as a probe (the answer text). */
  readonly extra: readonly string[];
}

const FOLDS = 3;
const HELD_OUT_ENTRY_SHARE = 0.2;
/** Above this many phrasings one fold is enough (and keeps the build within budget). */
const LARGE_KB_PHRASINGS = 5000;
/** A fold of a very large KB samples this many entries: calibration needs examples, not the whole KB. */
const MAX_FOLD_ENTRIES = 1500;

/**
 * Calibration samples made from the KB itself when no calibration set is given: in each fold a
 * fifth of the entries is left out entirely (its phrasings become out-of-scope messages) and one
 * phrasing of every other entry is held out (an in-scope message); a ranker trained on the rest
 * scores them. A sample's `expected` is an index into its own fold's ranker, which scored it.
 */
export function selfCalibrationSamples(
  locale: Locale,
  entries: readonly EntryPhrasings[],
  options: RankerOptions,
  synonyms?: Synonyms,
  /** Sentence vectors of the phrasings, when the matcher uses an encoder. */
  dense?: DenseVectors,
): CalibrationSample[] {
  const total = entries.reduce((n, e) => n + e.phrasings.length, 0);
  const folds = total > LARGE_KB_PHRASINGS ? 1 : FOLDS;
  const random = mulberry32(1234);
  const samples: CalibrationSample[] = [];
  if (entries.length < 3) return samples;
  if (entries.length > MAX_FOLD_ENTRIES) {
    const step = entries.length / MAX_FOLD_ENTRIES;
    entries = Array.from({ length: MAX_FOLD_ENTRIES }, (_, i) => entries[Math.floor(i * step)]!);
  }
  for (let fold = 0; fold < folds; fold++) {
    const leftOut = new Set<number>();
    entries.forEach((_, i) => {
      if ((i + fold) % Math.round(1 / HELD_OUT_ENTRY_SHARE) === 0) leftOut.add(i);
    });
    const texts: string[] = [];
    const labels: number[] = [];
    const probes: Array<{ text: string; expected: number }> = [];
    const kept = entries.map((_, i) => i).filter((i) => !leftOut.has(i));
    // The fold's ranker sees kept entries renumbered 0..k-1.
    kept.forEach((entryIndex, local) => {
      const phrasings = entries[entryIndex]!.phrasings;
      const heldOut = phrasings.length >= 3 ? Math.floor(random() * phrasings.length) : -1;
      phrasings.forEach((p, j) => {
        if (j === heldOut) probes.push({ text: p, expected: local });
        else {
          texts.push(p);
          labels.push(local);
        }
      });
      for (const p of entries[entryIndex]!.extra) {
        texts.push(p);
        labels.push(local);
      }
    });
    for (const i of leftOut) for (const p of entries[i]!.phrasings) probes.push({ text: p, expected: -1 });
    if (texts.length === 0) continue;
    const vectors = dense && { of: texts.map((t) => dense.vectorOf(t)), dims: dense.dims };
    const ranker = Ranker.build(
      locale,
      texts,
      Int32Array.from(labels),
      kept.length,
      options,
      synonyms,
      vectors,
    );
    for (const probe of probes)
      samples.push({
        scored: ranker.score(probe.text, undefined, dense?.vectorOf(probe.text)),
        expected: probe.expected,
      });
  }
  return samples;
}
