import { MemoryStorage } from 'botbuilder';
import { join } from 'node:path';
import { loadConfig } from '../../../bot/config';
import { buildDeps } from '../../../bot/deps';
import { silentLog } from '../../../bot/log';
import { RedisStorage } from '../../../bot/storage/redis-storage';
import { freePort } from '../../support/free-port';
import { testRedisUrl } from '../../support/prefix';

const KB = join(__dirname, '..', '..', '..', 'knowledge-base', 'demo', 'fr.yaml');

describe('buildDeps', () => {
  test('without REDIS_URL: memory stores, marked as not durable', async () => {
    const deps = await buildDeps(loadConfig({ MATCHER_ENCODER: 'off', KB_FILES: KB }), silentLog);
    expect(deps.durable).toBe(false);
    expect(deps.storage).toBeInstanceOf(MemoryStorage);
    await deps.dispose();
  });

  test('with REDIS_URL: Redis stores, closed by dispose', async () => {
    const deps = await buildDeps(
      loadConfig({ MATCHER_ENCODER: 'off', KB_FILES: KB, REDIS_URL: testRedisUrl() }),
      silentLog,
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
      buildDeps(
        loadConfig({ MATCHER_ENCODER: 'off', KB_FILES: KB, REDIS_URL: `redis://127.0.0.1:${port}` }),
        silentLog,
      ),
    ).rejects.toThrow(/^REDIS_URL: cannot connect/);
  });
});
