import { spreadTag } from './slots';

/** One token bucket per client key (IP, conversation…): single-key scripts, spread over slots. */
export interface RateLimitKeys {
  /** Hash `tokens`, `at`: one bucket. */
  bucket(key: string): string;
}

export function rateLimitKeys(prefix: string): RateLimitKeys {
  return Object.freeze({ bucket: (key: string) => `${spreadTag(prefix, 'r', key)}:ratelimit` });
}
