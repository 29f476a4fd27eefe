import type { VectorSource } from '../../knowledge-base';

/** A vector source that counts the messages it embeds: the share of queries that took the full pass. */
export interface CountedVectors {
  readonly source: VectorSource;
  /** Messages embedded since the last `take()`, which resets the count. */
  take(): number;
}

export function countedVectors(inner: VectorSource): CountedVectors {
  let count = 0;
  return {
    source: {
      ...inner,
      label: inner.label,
      vectorsFor: async (locale, texts, onProgress) => {
        const dense = await inner.vectorsFor(locale, texts, onProgress);
        return {
          ...dense,
          label: dense.label,
          vectorOf: (t) => dense.vectorOf(t),
          embedQuery: (t) => {
            count++;
            return dense.embedQuery(t);
          },
        };
      },
    },
    take: () => {
      const n = count;
      count = 0;
      return n;
    },
  };
}
