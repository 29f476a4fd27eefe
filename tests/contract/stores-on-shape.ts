import { RedisAgentEventBus } from '../../bot/agent/redis-event-bus';
import { RedisRelayLog } from '../../bot/agent/redis-relay-log';
import { RedisUploadStore } from '../../bot/agent/redis-upload-store';
import { RedisWaitNotices } from '../../bot/agent/redis-wait-notices';
import type { Delivery } from '../../bot/agent/events';
import { RedisDirectLineStore } from '../../bot/directline/redis-store';
import { RedisHistoryStore } from '../../bot/history/redis-history-store';
import { RedisCustomerConversations } from '../../bot/privacy/redis-customer-conversations';
import { RedisEmailLinks } from '../../bot/privacy/redis-email-links';
import type { RedisClient } from '../../bot/redis/client';
import { subscriberOf } from '../../bot/redis/connection';
import { RedisRateLimitStore } from '../../bot/security/redis-rate-limit-store';
import { RedisStorage } from '../../bot/storage/redis-storage';
import { RedisInvitationCounts } from '../../bot/widget/redis-invitation-counts';
import { RedisHandoffQueue } from '../../handoff';
import { RedisSurveyStore } from '../../insights';
import { agentKeys, historyKeys, widgetKeys } from '../../keyspace/index';
import { directLineStoreContract } from '../integration/bot/directline-store-contract';
import { storageContract } from '../integration/bot/storage-contract';
import { connectShape, sharedShape, type SharedShape } from '../support/shape-clients';
import { uniquePrefix } from '../support/prefix';
import { contactEmailContract } from './contact-email.contract';
import { emailLinksContract } from './email-links.contract';
import { handoffForgetContract } from './handoff-forget.contract';
import { handoffRoleContracts } from './handoff-role-contracts';
import { handoffTransitionsContract } from './handoff-transitions.contract';
import { historyStoreContract } from './history-store.contract';
import { relayStoreErasureContract } from './relay-log.contract';
import { surveyStoreContract } from './survey-store.contract';

/** Acknowledgements wait for one replica, as production does on Sentinel and Cluster. */
const ONE_REPLICA = { waitReplicas: 1, waitTimeoutMs: 2_000 };

/**
 * Every Redis store's contract suite on one shared shape, through the product's connection module.
 * On a Cluster a script or MULTI whose keys span two slots fails (CROSSSLOT): these suites are what
 * proves each store keeps to the slot layout of keyspace/.
 */
export function storeContractsOn(kind: SharedShape): void {
  let redis: RedisClient;
  let second: RedisClient;
  const short: string[] = [];
  const wait = { ...ONE_REPLICA, short: (key: string) => void short.push(key) };
  beforeAll(async () => {
    [redis, second] = await Promise.all([connectShape(sharedShape(kind)), connectShape(sharedShape(kind))]);
  });
  afterAll(async () => {
    await Promise.all([redis?.quit(), second?.quit()]);
  });

  const queue = (label: string) => (clock: ConstructorParameters<typeof RedisHandoffQueue>[0]['clock']) =>
    Promise.resolve(
      new RedisHandoffQueue({
        redis,
        ...(clock ? { clock } : {}),
        config: { keyPrefix: uniquePrefix(label) },
      }),
    );

  handoffRoleContracts(
    `${kind}`,
    async ({ clock, config }) =>
      new RedisHandoffQueue({ redis, clock, config: { ...config, keyPrefix: uniquePrefix('handoff') } }),
  );
  handoffTransitionsContract(
    `${kind}`,
    async ({ clock, config }) =>
      new RedisHandoffQueue({ redis, clock, config: { ...config, keyPrefix: uniquePrefix('transitions') } }),
  );
  handoffForgetContract(`${kind}`, queue('forget'));
  contactEmailContract(`${kind}`, queue('contact'));
  emailLinksContract(
    `${kind}`,
    async () => new RedisEmailLinks(redis, { prefix: uniquePrefix('email'), ttlSeconds: 3600 }),
  );
  surveyStoreContract(
    `${kind}`,
    async () => new RedisSurveyStore({ redis, keyPrefix: uniquePrefix('insights'), purgeBatch: 2 }),
  );
  historyStoreContract(`${kind}`, async () => ({
    store: new RedisHistoryStore(redis, {
      keys: historyKeys(uniquePrefix('history')),
      ttlSeconds: 3600,
      defaultLocale: 'fr',
    }),
  }));
  relayStoreErasureContract(`${kind}, waiting for a replica`, async () => ({
    store: new RedisRelayLog(redis, agentKeys(uniquePrefix('relay')), 3600, wait),
  }));
  storageContract(`${kind}, two connections`, async () => {
    const prefix = uniquePrefix('botstate');
    return { storage: new RedisStorage(redis, { prefix }), other: new RedisStorage(second, { prefix }) };
  });
  directLineStoreContract(`${kind}, waiting for a replica`, async () => ({
    store: new RedisDirectLineStore(redis, {
      prefix: uniquePrefix('dl'),
      ttlSeconds: 3600,
      durability: wait,
    }),
  }));

  describe(`the other Redis stores on ${kind}`, () => {
    test('acknowledged writes were confirmed by a replica every time', () => {
      // Runs after the suites above (jest keeps declaration order): WAIT 1 never fell short.
      expect(short).toEqual([]);
    });

    test('uploads: bytes in their own slot, index and quota in the conversation’s; erasure finds every file', async () => {
      const store = new RedisUploadStore(redis, agentKeys(uniquePrefix('uploads')), 3600);
      const quota = { files: 2, bytes: 100 };
      expect(await store.reserve('c1', 2, 60, quota)).toBe('reserved');
      expect(await store.reserve('c1', 1, 10, quota)).toBe('files');
      const files = await Promise.all(
        ['a.png', 'b.png'].map((name) =>
          store.put({
            conversationId: 'c1',
            name,
            contentType: 'image/png',
            bytes: Buffer.from(name),
            at: 1,
          }),
        ),
      );
      expect((await store.get(files[1]!.id))?.bytes.toString()).toBe('b.png');
      expect(await store.eraseConversation('c1')).toBe(2);
      expect(await store.get(files[0]!.id)).toBeUndefined();
      expect(await store.reserve('c1', 2, 60, quota)).toBe('reserved');
    });

    test('rate limits, invitation counts, customer conversations, wait notices', async () => {
      const prefix = uniquePrefix('misc');
      const limits = new RedisRateLimitStore(redis, prefix);
      const rule = { capacity: 2, perMinute: 1 };
      const taken = [];
      for (let i = 0; i < 3; i++) taken.push((await limits.take('ip:1', rule)).allowed);
      expect(taken).toEqual([true, true, false]);
      expect((await limits.take('ip:2', rule)).allowed).toBe(true);

      const counts = new RedisInvitationCounts(redis, widgetKeys(prefix));
      await counts.record('r1', 'shown');
      await counts.record('r1', 'accepted');
      expect((await counts.read(['r1']))[0]).toMatchObject({ shown: 1, accepted: 1 });

      const customers = new RedisCustomerConversations(redis, { prefix, ttlSeconds: 3600 });
      await customers.add('cust', { channel: 'directline', conversationId: 'c1' });
      await customers.add('cust', { channel: 'msteams', conversationId: 'c2' });
      await customers.remove('cust', [{ channel: 'directline', conversationId: 'c1' }]);
      expect(await customers.conversationsOf('cust')).toEqual([{ channel: 'msteams', conversationId: 'c2' }]);

      const keys = agentKeys(prefix);
      const [one, two] = [new RedisWaitNotices(redis, keys), new RedisWaitNotices(second, keys)];
      const claims = await Promise.all([one.claim('c1', '3|5', 60_000), two.claim('c1', '3|5', 60_000)]);
      expect(claims.sort()).toEqual([false, true]);
    });

    test('agent events cross connections on pub/sub, numbered by one shared counter', async () => {
      const keys = agentKeys(uniquePrefix('events'));
      const [a, b] = await Promise.all([
        RedisAgentEventBus.start(redis, subscriberOf(redis), keys.events, keys.eventIds),
        RedisAgentEventBus.start(second, subscriberOf(second), keys.events, keys.eventIds),
      ]);
      try {
        const seen: Delivery[] = [];
        const got = new Promise<void>((resolve) => {
          b.subscribe((d) => {
            seen.push(d);
            if (seen.length === 2) resolve();
          });
        });
        await a.publish({ type: 'queue-changed', conversationId: 'c1' });
        await b.publish({ type: 'queue-changed', conversationId: 'c2' });
        await got;
        expect(seen.map((d) => (d.kind === 'event' ? d.id : 0))).toEqual([1, 2]);
        expect(await a.lastId()).toBe(2);
      } finally {
        await Promise.all([a.dispose(), b.dispose()]);
      }
    });
  });
}
