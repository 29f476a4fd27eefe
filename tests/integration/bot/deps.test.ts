import { MemoryStorage } from 'botbuilder';
import { join } from 'node:path';
import { loadConfig } from '../../../bot/config';
import { compose } from '../../../bot/root/compose';
import { silentLog } from '../../../bot/log';
import { RedisStorage } from '../../../bot/storage/redis-storage';
import { freePort } from '../../support/free-port';
import { testRedisUrl } from '../../support/prefix';

const KB = join(__dirname, '..', '..', '..', 'knowledge-base', 'demo', 'fr.yaml');

describe('compose', () => {
  test('without REDIS_URL: memory stores, marked as not durable', async () => {
    const deps = await compose(loadConfig({ MATCHER_ENCODER: 'off', KB_FILES: KB }), { log: silentLog });
    expect(deps.durable).toBe(false);
    expect(deps.storage).toBeInstanceOf(MemoryStorage);
    await deps.dispose();
  });

  test('with REDIS_URL: Redis stores, closed by dispose', async () => {
    const deps = await compose(
      loadConfig({ MATCHER_ENCODER: 'off', KB_FILES: KB, REDIS_URL: testRedisUrl() }),
      { log: silentLog },
    );
    expect(deps.durable).toBe(true);
    expect(deps.storage).toBeInstanceOf(RedisStorage);
    await deps.storage.write({ probe: { n: 1 } });
    expect(await deps.storage.read(['probe'])).toEqual({ probe: { n: 1, eTag: expect.any(String) } });
    await deps.storage.delete(['probe']);
    await deps.dispose();
  });

  test('an unreachable Redis stops startup naming REDIS_URL', async () => {
    const port = await freePort();
    await expect(
      compose(loadConfig({ MATCHER_ENCODER: 'off', KB_FILES: KB, REDIS_URL: `redis://127.0.0.1:${port}` }), {
        log: silentLog,
      }),
    ).rejects.toThrow(/^REDIS_URL: cannot connect/);
  });
});
