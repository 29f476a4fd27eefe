import { RedisRelayLog } from '../../bot/agent/redis-relay-log';
import { RedisDirectLineStore } from '../../bot/directline/redis-store';
import { silentLog } from '../../bot/log';
import { connectRedis, type RedisConnection } from '../../bot/redis/connection';
import { agentKeys } from '../../keyspace/index';
import { pollUntil } from '../support/poll';
import { uniquePrefix } from '../support/prefix';
import { askRedis, infoFields } from '../support/redis-ask';
import { startReplicaPair, type ReplicaPair } from '../support/redis-replica-pair';

/**
 * WAIT holds every later command of its connection until replicas answer. With the replica cut
 * off, an acknowledgement waits its whole timeout: what the bot reads for other conversations
 * meanwhile must not wait behind it.
 */
const WAIT_MS = 2_000;

describe('waiting for a replica holds only the waited write', () => {
  let pair: ReplicaPair;
  let connection: RedisConnection;

  beforeAll(async () => {
    pair = await startReplicaPair();
    connection = await connectRedis(
      {
        shape: { kind: 'standalone', url: pair.primaryUrl },
        durability: { waitReplicas: 1, waitTimeoutMs: WAIT_MS },
      },
      silentLog,
    );
    // The replica stops replicating: every WAIT 1 now runs to its timeout.
    await askRedis(pair.replicaPort, 'REPLICAOF', 'NO', 'ONE');
  }, 30_000);
  afterAll(async () => {
    await connection?.close();
    await pair?.stop();
  });

  /** Resolves once the primary has a client blocked in WAIT. */
  const waiting = () =>
    pollUntil(
      async () => {
        const clients = infoFields(await askRedis(pair.primaryPort, 'INFO', 'clients'));
        return Number(clients.get('blocked_clients')) > 0 ? true : undefined;
      },
      'a client blocked in WAIT',
      5_000,
      5,
    );

  /**
   * Whether `read`, sent once `ack` is blocked in WAIT, came back long before the wait ended (held
   * behind it, it would come back with it: same socket, replies in order).
   */
  async function readsFirst(ack: Promise<unknown>, read: () => Promise<unknown>): Promise<string[]> {
    const acked = ack.then(() => performance.now());
    await waiting();
    await read();
    const readAt = performance.now();
    return (await acked) - readAt > WAIT_MS / 2 ? ['read', 'ack'] : ['ack', 'read'];
  }

  test('a customer’s message waits; another conversation’s read does not', async () => {
    const store = new RedisDirectLineStore(connection.client, {
      prefix: uniquePrefix('wait-dl'),
      durability: connection.durability,
    });
    const at = '2026-12-03T10:00:00.000Z';
    await store.createConversation({ id: 'waits', userId: 'u1', createdAt: at });
    await store.createConversation({ id: 'other', userId: 'u2', createdAt: at });
    const ack = store.append(
      'waits',
      { type: 'message', text: 'bonjour', from: { id: 'u1', name: '', role: 'user' } },
      'x-1',
      { owner: 'me', ms: 60_000 },
    );
    expect(await readsFirst(ack, () => store.activitiesSince('other', 0))).toEqual(['read', 'ack']);
  });

  test('an agent’s send waits; the relay log of another conversation reads meanwhile', async () => {
    const log = new RedisRelayLog(
      connection.client,
      agentKeys(uniquePrefix('wait-relay')),
      3_600,
      connection.durability,
    );
    const ack = log.appendOnce('waits', 'send-1', {
      from: 'agent',
      agentId: 'alice',
      text: 'Bonjour',
      at: 1,
    });
    expect(await readsFirst(ack, () => log.lines('other'))).toEqual(['read', 'ack']);
  });
});
