import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { trimPrefix } from '../../../keyspace/index';
import { deploymentKeys } from '../../support/redis-contents';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { RedisSurveyStore } from '../../../insights/index';
import { type BuiltAgentSide } from '../../../bot/root/agent-side';
import { agentsJson, PASSWORDS, startAgentApp, type AgentApp } from '../agent/agent-app';
import { Agent, Customer } from '../agent/clients';
import { buildTestFaq } from '../../support/test-faq';
import { testRedisUrl, uniquePrefix } from '../../support/prefix';
import { redisContents } from '../../support/redis-contents';

// The CLI as users run it: the built bin (`npm test` builds before jest).
const ROOT = join(__dirname, '..', '..', '..');
const BIN = join(ROOT, 'dist', 'cli', 'relais.js');
const IDENTITY_SECRET = 'identity-secret-for-the-erasure-test-0123456789';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The CLI with a clean environment: only what the test passes (no REDIS_URL inherited). */
function relais(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env } },
      (err, stdout, stderr) => {
        resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

let redis: Redis;
let prefix: string;
let running: AgentApp;
let side: BuiltAgentSide;
let url: string;
let surveys: RedisSurveyStore;

beforeAll(async () => {
  redis = new Redis(testRedisUrl());
  prefix = uniquePrefix('erase')
    .replace(/:$/, '')
    .replace(/[^A-Za-z0-9:_-]/g, '-');
  surveys = new RedisSurveyStore({ redis, keyPrefix: `${prefix}:insights` });
  running = await startAgentApp(buildTestFaq(), await agentsJson(), {
    redisUrl: testRedisUrl(),
    prefix,
    env: { IDENTITY_SECRET },
    surveys,
  });
  ({ side, url } = running);
});

afterAll(async () => {
  await running?.close();
  await redis?.quit();
});

async function identified(
  id: string,
  name = 'Jean Dupont',
  email = 'jean.dupont@example.fr',
): Promise<Customer> {
  const customer = { id, name, email, vip: false, b2b: false };
  const signature = createHmac('sha256', IDENTITY_SECRET).update(JSON.stringify(customer)).digest('hex');
  return Customer.start(url, 'fr-FR', { customer, signature });
}

/** A PNG header: uploads are checked against their declared type. */
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

/** Files customers sent (keyed by a random id, not the conversation's). */
async function uploadKeys(): Promise<string[]> {
  return redis.keys(`{${trimPrefix(prefix)}:u:*}:agent:upload`);
}

/** Every key of this deployment that mentions the conversation id. */
async function keysOf(conversationId: string): Promise<string[]> {
  return (await deploymentKeys(redis, prefix)).filter((k) => k.includes(conversationId));
}

describe('relais privacy erase', () => {
  test('refuses to run without a store, or without a valid customer id', async () => {
    const noStore = await relais(['privacy', 'erase', '--customer', 'cust-42']);
    expect(noStore.code).toBe(2);
    expect(noStore.stderr).toMatch(/no store to erase from: pass --redis URL or set REDIS_URL/);
    const noCustomer = await relais(['privacy', 'erase', '--redis', testRedisUrl()]);
    expect(noCustomer.code).toBe(2);
    expect(noCustomer.stderr).toMatch(/--customer: is required/);
    const badUrl = await relais(['privacy', 'erase', '--customer', 'c', '--redis', 'http://x']);
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toMatch(/REDIS_URL: must start with redis:\/\//);
  });

  test('erases the survey, bot state, Direct Line log, relayed lines and handoff record of one customer, and nothing of another', async () => {
    // cust-42 escalates, talks with Alice, who resolves; the survey is answered.
    const alice = await Agent.login(url, 'alice', PASSWORDS.alice);
    expect((await alice.post('/presence', { presence: 'online' })).status).toBe(200);
    const jean = await identified('cust-42');
    await jean.say(url, 'comment payer');
    await jean.say(url, 'Non');
    expect((await alice.post('/claim-next')).json).toMatchObject({ id: jean.conversationId });
    await alice.post(`/conversations/${jean.conversationId}/messages`, { text: 'Votre adresse ?' });
    await jean.say(url, '3 rue des Lilas, 75011 Paris');
    const photo = { name: 'facture.png', type: 'image/png', bytes: PNG };
    expect((await jean.upload(url, [photo])).status).toBe(200);
    expect(await uploadKeys()).toHaveLength(1);
    expect(
      (await alice.post(`/conversations/${jean.conversationId}/resolve`, { reason: 'adresse corrigée' }))
        .status,
    ).toBe(200);
    for (const reply of ['2', 'passer']) await jean.say(url, reply);
    expect(await surveys.get(jean.conversationId)).toMatchObject({
      ces: 2,
      context: { customerId: 'cust-42' },
    });
    // Another customer, who must keep everything.
    const other = await identified('cust-7');
    await other.say(url, 'au revoir');
    await other.say(url, '1');
    expect((await surveys.get(other.conversationId))?.context.customerId).toBe('cust-7');
    expect(await keysOf(jean.conversationId)).not.toEqual([]);
    const otherKeys = await keysOf(other.conversationId);

    const run = await relais([
      'privacy',
      'erase',
      '--customer',
      'cust-42',
      '--redis',
      testRedisUrl(),
      '--prefix',
      prefix,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe(`customer cust-42 (prefix ${prefix}): 1 conversation(s) found`);
    expect(lines).toContain('  surveys erased: 1');
    expect(lines).toContain('  conversation states erased: 1');
    expect(lines).toContain('  relayed lines erased: 4');
    expect(lines).toContain('  files sent to agents erased: 1');
    expect(lines).toContain('  handoff records erased: 1');
    expect(lines).toContain('  kept, still with people (run again once closed): none');
    const activities = /Direct Line activities erased: (\d+)/.exec(run.stdout);
    expect(Number(activities?.[1])).toBeGreaterThanOrEqual(12);
    // The searchable history too: its lines, and its index entries (keysOf below finds none).
    expect(
      Number(/history lines erased \(and their index entries\): (\d+)/.exec(run.stdout)?.[1]),
    ).toBeGreaterThan(5);

    expect(await keysOf(jean.conversationId)).toEqual([]);
    expect(await uploadKeys()).toEqual([]);
    expect(await surveys.get(jean.conversationId)).toBeUndefined();
    expect(await side.agent.queue.get(jean.conversationId)).toBeNull();
    expect((await deploymentKeys(redis, prefix)).join('\n')).not.toContain('cust-42');
    expect(await keysOf(other.conversationId)).toEqual(otherKeys);

    const again = await relais(['privacy', 'erase', '--customer', 'cust-42'], {
      REDIS_URL: testRedisUrl(),
      REDIS_PREFIX: prefix,
    });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^customer cust-42 \(prefix .*\): 0 conversation\(s\) found/);
  });

  test('finds every conversation of the customer, also those without a survey, and leaves nothing personal', async () => {
    const name = 'Paule Lefort';
    const email = 'paule.lefort@example.fr';
    const phone = '07 11 22 33 44';
    const address = '8 impasse des Tilleuls';
    const surveyed = await identified('cust-55', name, email);
    await surveyed.say(url, `mon numéro est le ${phone}`);
    await surveyed.say(url, 'au revoir');
    await surveyed.say(url, '1');
    expect((await surveys.get(surveyed.conversationId))?.context.customerId).toBe('cust-55');
    const unsurveyed = await identified('cust-55', name, email);
    await unsurveyed.say(url, `livrez au ${address}, ou appelez le ${phone}`);
    expect(await surveys.get(unsurveyed.conversationId)).toBeUndefined();
    const leftovers = async () =>
      [...(await redisContents(redis, `*${prefix}*`))]
        .filter(([, text]) => [name, email, phone, address].some((value) => text.includes(value)))
        .map(([key]) => key);
    expect(await leftovers()).not.toEqual([]);

    const run = await relais(['privacy', 'erase', '--customer', 'cust-55'], {
      REDIS_URL: testRedisUrl(),
      REDIS_PREFIX: prefix,
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^customer cust-55 \(prefix .*\): 2 conversation\(s\) found/);
    expect(run.stdout).toContain('  conversation states erased: 2');
    expect(await leftovers()).toEqual([]);
    expect((await deploymentKeys(redis, prefix)).join('\n')).not.toContain('cust-55');
  });
});
