import { Redis } from 'ioredis';
import { agentKeys } from '../../keyspace/index';
import { RedisWaitNotices } from '../../bot/agent/redis-wait-notices';
import { MemoryWaitNotices, type WaitNotices } from '../../bot/agent/wait-notices';
import { testRedisUrl, uniquePrefix } from '../support/prefix';

const GAP_MS = 150;
let redis: Redis;
let memoryNow = 0;

beforeAll(() => {
  redis = new Redis(testRedisUrl());
});
afterAll(async () => {
  await redis.quit();
});

/** Lets the gap pass: the memory clock moves; Redis's own expiry needs real time. */
async function gapPasses(kind: string): Promise<void> {
  if (kind === 'memory') memoryNow += GAP_MS + 1;
  else await new Promise((resolve) => setTimeout(resolve, GAP_MS + 50));
}

describe.each(['memory', 'redis'])('%s wait notices', (kind) => {
  let notices: WaitNotices;
  let other: WaitNotices;
  beforeEach(() => {
    if (kind === 'memory') {
      notices = new MemoryWaitNotices(() => memoryNow);
      other = notices;
    } else {
      const keys = agentKeys(uniquePrefix('notices'));
      // Two instances: two objects over the same keys.
      notices = new RedisWaitNotices(redis, keys);
      other = new RedisWaitNotices(redis, keys);
    }
  });

  test('what the customer was told is not sent again; a change waits for the gap, then goes once', async () => {
    await notices.told('c1', '2|4', GAP_MS);
    expect(await notices.claim('c1', '2|4', GAP_MS)).toBe(false);
    // Changed, but too soon after the last notice.
    expect(await notices.claim('c1', '1|2', GAP_MS)).toBe(false);
    await gapPasses(kind);
    expect(await notices.claim('c1', '1|2', GAP_MS)).toBe(true);
    // The other instance sees it was sent.
    expect(await other.claim('c1', '1|2', GAP_MS)).toBe(false);
    await gapPasses(kind);
    expect(await other.claim('c1', '1|2', GAP_MS)).toBe(false);
  });

  test('two instances claiming the same change at once: exactly one sends it', async () => {
    const claims = await Promise.all([
      notices.claim('c2', '3|6', GAP_MS),
      other.claim('c2', '3|6', GAP_MS),
      notices.claim('c2', '3|6', GAP_MS),
    ]);
    expect(claims.filter(Boolean)).toHaveLength(1);
  });
});
