import { Redis } from 'ioredis';
import { emailHash, MemoryEmailLinks } from '../../bot/privacy/email-links';
import { privacyKeys } from '../../keyspace/index';
import { deploymentKeys } from '../support/redis-contents';
import { RedisEmailLinks } from '../../bot/privacy/redis-email-links';
import { testRedisUrl, uniquePrefix } from '../support/prefix';
import { emailLinksContract } from './email-links.contract';

let redis: Redis;
beforeAll(() => {
  redis = new Redis(testRedisUrl());
});
afterAll(async () => {
  await redis.quit();
});

emailLinksContract('memory', async () => new MemoryEmailLinks());
emailLinksContract(
  'redis',
  async () => new RedisEmailLinks(redis, { prefix: uniquePrefix('email-links'), ttlSeconds: 3600 }),
);

describe('RedisEmailLinks keys', () => {
  it('holds the address only as a hash, with the TTL on both sides, and leaves no key once forgotten', async () => {
    const prefix = uniquePrefix('email-keys');
    const links = new RedisEmailLinks(redis, { prefix, ttlSeconds: 600 });
    await links.link('Jean@example.com', 'c1');
    const keys = await deploymentKeys(redis, prefix);
    expect(keys).toEqual([
      privacyKeys(prefix).conversationEmail('c1'),
      privacyKeys(prefix).emailConversations(emailHash('jean@example.com')),
    ]);
    expect(keys.join(' ')).not.toMatch(/jean/i);
    for (const key of keys) expect(await redis.ttl(key)).toBeGreaterThan(590);
    await links.forgetConversation('c1');
    expect(await deploymentKeys(redis, prefix)).toEqual([]);
  });
});
