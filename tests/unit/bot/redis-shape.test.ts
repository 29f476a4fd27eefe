import { ConfigError, loadConfig } from '../../../bot/config';
import { describeShape } from '../../../bot/redis/shape';

function issuesOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.issues.map((i) => `${i.variable}: ${i.message}`);
    throw error;
  }
  return [];
}

describe('Redis shape from the environment', () => {
  test('none set: memory stores', () => {
    expect(loadConfig({}).redis).toBeUndefined();
  });

  test('REDIS_URL: one server, no replica wait by default', () => {
    expect(loadConfig({ REDIS_URL: 'rediss://:pw@cache:6380/2' }).redis).toEqual({
      shape: { kind: 'standalone', url: 'rediss://:pw@cache:6380/2' },
      durability: { waitReplicas: 0, waitTimeoutMs: 500 },
    });
  });

  test('Sentinel: sentinels, primary name, passwords, TLS; waits for one replica by default', () => {
    const config = loadConfig({
      REDIS_SENTINELS: 's1:26379, s2:26379,10.0.0.3:26380',
      REDIS_SENTINEL_NAME: 'relais-primary',
      REDIS_PASSWORD: 'data-pw',
      REDIS_SENTINEL_PASSWORD: 'sentinel-pw',
      REDIS_TLS: 'true',
    });
    expect(config.redis).toEqual({
      shape: {
        kind: 'sentinel',
        sentinels: [
          { host: 's1', port: 26379 },
          { host: 's2', port: 26379 },
          { host: '10.0.0.3', port: 26380 },
        ],
        name: 'relais-primary',
        password: 'data-pw',
        sentinelPassword: 'sentinel-pw',
        tls: true,
      },
      durability: { waitReplicas: 1, waitTimeoutMs: 500 },
    });
  });

  test('Cluster: seed nodes; the replica wait can be changed or turned off', () => {
    const config = loadConfig({
      REDIS_CLUSTER_NODES: 'n1:7000,n2:7001',
      REDIS_WAIT_REPLICAS: '0',
      REDIS_WAIT_TIMEOUT_MS: '250',
    });
    expect(config.redis).toEqual({
      shape: {
        kind: 'cluster',
        nodes: [
          { host: 'n1', port: 7000 },
          { host: 'n2', port: 7001 },
        ],
        tls: false,
      },
      durability: { waitReplicas: 0, waitTimeoutMs: 250 },
    });
  });

  test.each([
    [
      { REDIS_URL: 'redis://a', REDIS_CLUSTER_NODES: 'n1:7000' },
      /REDIS_URL \+ REDIS_CLUSTER_NODES: set only one/,
    ],
    [{ REDIS_SENTINELS: 's1:26379' }, /REDIS_SENTINEL_NAME: is required with REDIS_SENTINELS/],
    [{ REDIS_SENTINEL_NAME: 'x' }, /REDIS_SENTINEL_NAME: is only read with REDIS_SENTINELS/],
    [{ REDIS_CLUSTER_NODES: 'n1' }, /REDIS_CLUSTER_NODES: .*must be host:port/],
    [{ REDIS_CLUSTER_NODES: 'n1:70000' }, /REDIS_CLUSTER_NODES: .*port must be 1–65535/],
    [{ REDIS_CLUSTER_NODES: ' , ' }, /REDIS_CLUSTER_NODES: must list at least one host:port/],
    [
      { REDIS_URL: 'redis://a', REDIS_PASSWORD: 'x' },
      /REDIS_PASSWORD: with REDIS_URL, put the password in the URL/,
    ],
    [{ REDIS_WAIT_REPLICAS: '1' }, /REDIS_WAIT_REPLICAS: needs a Redis/],
    [{ REDIS_URL: 'redis://a', REDIS_WAIT_REPLICAS: 'one' }, /REDIS_WAIT_REPLICAS: must be a whole number/],
    [{ REDIS_TLS: 'maybe', REDIS_CLUSTER_NODES: 'n1:7000' }, /REDIS_TLS: must be true or false/],
    [{ REDIS_URL: 'http://a' }, /REDIS_URL: must start with redis:\/\//],
  ])('%j is refused naming the variable', (env, message) => {
    expect(issuesOf(env).join('\n')).toMatch(message);
  });

  test('descriptions name the variable and never a password', () => {
    expect(describeShape({ kind: 'standalone', url: 'redis://user:secret@cache:6379' })).toEqual({
      variable: 'REDIS_URL',
      target: 'redis://***@cache:6379',
    });
    const sentinel = describeShape({
      kind: 'sentinel',
      sentinels: [{ host: 's1', port: 26379 }],
      name: 'p',
      password: 'secret',
      tls: false,
    });
    expect(JSON.stringify(sentinel)).not.toContain('secret');
    expect(sentinel.variable).toBe('REDIS_SENTINELS');
  });
});
