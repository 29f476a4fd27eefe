import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import type { Entry, LabelledText, Prediction } from '../../knowledge-base';

/** A baseline ranks entries and gives its own raw confidence; the bench thresholds it on calibration data. */
export interface Baseline {
  readonly name: string;
  top(text: string): { candidates: Array<{ id: string; score: number }>; confidence: number };
}

/** Plain fuse.js over every phrasing; confidence = 1 - Fuse score of the best phrasing. */
export function fuseBaseline(entries: readonly Entry[]): Baseline {
  const docs = entries.flatMap((e) => [e.question, ...e.alternates].map((text) => ({ id: e.id, text })));
  const fuse = new Fuse(docs, { keys: ['text'], includeScore: true, ignoreLocation: true, threshold: 0.6 });
  return {
    name: 'fuse.js (plain)',
    top(text) {
      const best = new Map<string, number>();
      for (const r of fuse.search(text, { limit: 50 })) {
        const s = 1 - (r.score ?? 1);
        if (s > (best.get(r.item.id) ?? -1)) best.set(r.item.id, s);
      }
      const candidates = [...best]
        .map(([id, score]) => ({ id, score }))
        .sort((a, b) => b.score - a.score)
        .slice(0, 3);
      return { candidates, confidence: candidates[0]?.score ?? 0 };
    },
  };
}

/** MiniSearch BM25 over every phrasing (fuzzy 0.2); confidence = top / (top + second). */
export function miniSearchBaseline(entries: readonly Entry[]): Baseline {
  const mini = new MiniSearch<{ id: number; entry: string; text: string }>({
    fields: ['text'],
    storeFields: ['entry'],
  });
  let n = 0;
  mini.addAll(
    entries.flatMap((e) => [e.question, ...e.alternates].map((text) => ({ id: n++, entry: e.id, text }))),
  );
  return {
    name: 'MiniSearch BM25',
    top(text) {
      const best = new Map<string, number>();
      for (const r of mini.search(text, { fuzzy: 0.2 })) {
        const id = r.entry as string;
        if (r.score > (best.get(id) ?? -1)) best.set(id, r.score);
      }
      const ranked = [...best]
        .map(([id, score]) => ({ id, score }))
        .sort((a, b) => b.score - a.score)
        .slice(0, 3);
      const s1 = ranked[0]?.score ?? 0;
      const s2 = ranked[1]?.score ?? 0;
      const confidence = s1 === 0 ? 0 : s1 / (s1 + s2);
      const total = ranked.reduce((s, r) => s + r.score, 0) || 1;
      return { candidates: ranked.map((r) => ({ id: r.id, score: r.score / total })), confidence };
    },
  };
}

/** The answer threshold that maximises accuracy + out-of-scope recall on the calibration sample. */
export function fitThreshold(baseline: Baseline, calibration: readonly LabelledText[]): number {
  const scored = calibration.map((q) => ({ q, r: baseline.top(q.text) }));
  const ins = scored.filter((s) => s.q.expected !== null).length || 1;
  const oos = scored.length - ins || 1;
  let best = 0.5;
  let bestValue = -1;
  for (let t = 0; t <= 1.0001; t += 0.01) {
    let right = 0;
    let escalated = 0;
    for (const { q, r } of scored) {
      const answers = r.confidence >= t;
      if (q.expected === null) escalated += answers ? 0 : 1;
      else if (answers && r.candidates[0]?.id === q.expected) right++;
    }
    const value = right / ins + escalated / oos;
    if (value > bestValue) {
      bestValue = value;
      best = t;
    }
  }
  return best;
}

export function predictBaseline(baseline: Baseline, threshold: number, id: string, text: string): Prediction {
  const started = performance.now();
  const r = baseline.top(text);
  const latencyMs = performance.now() - started;
  const answers = r.confidence >= threshold && r.candidates.length > 0;
  return {
    id,
    decision: answers ? 'answer' : 'escalate',
    answerId: answers ? r.candidates[0]!.id : null,
    confidence: r.confidence,
    candidates: r.candidates,
    latencyMs,
  };
}
