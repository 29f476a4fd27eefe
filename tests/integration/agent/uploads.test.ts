import { Redis } from 'ioredis';
import { buildTestFaq } from '../../support/test-faq';
import { trimPrefix } from '../../../keyspace/index';
import { testRedisUrl, uniquePrefix } from '../../support/prefix';
import { agentsJson, PASSWORDS, startAgentApp, type AgentApp } from './agent-app';
import { Agent, Customer, type EventStream } from './clients';

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('not really pixels, but a PNG signature'),
]);
const PDF = Buffer.from('%PDF-1.4\n% a tiny pdf\n');

let running: AgentApp;
let redis: Redis;
let prefix: string;
let alice: Agent;
let bruno: Agent;
let stream: EventStream;

beforeAll(async () => {
  prefix = uniquePrefix('uploads').replace(/:$/, '');
  running = await startAgentApp(buildTestFaq(), await agentsJson(), { redisUrl: testRedisUrl(), prefix });
  redis = new Redis(testRedisUrl());
  alice = await Agent.login(running.url, 'alice', PASSWORDS.alice);
  bruno = await Agent.login(running.url, 'bruno', PASSWORDS.bruno);
  await alice.post('/presence', { presence: 'online' });
  stream = alice.events();
  await stream.ready;
});
afterAll(async () => {
  stream?.close();
  await running?.close();
  await redis?.quit();
});

async function upload(
  customer: Customer,
  files: { name: string; type: string; bytes: Buffer }[],
  text = '',
  clientActivityID?: string,
): Promise<{ status: number; json: unknown }> {
  return customer.upload(running.url, files, text, clientActivityID);
}

async function storedFiles(): Promise<number> {
  return (await redis.keys(`{${trimPrefix(prefix)}:u:*}:agent:upload`)).length;
}

async function claimed(): Promise<Customer> {
  const customer = await Customer.start(running.url);
  await customer.say(running.url, 'je veux parler à un conseiller');
  expect((await alice.post(`/conversations/${customer.conversationId}/claim`)).status).toBe(200);
  return customer;
}

test('a file reaches the agent as a link they open with their session; nobody else can', async () => {
  const customer = await claimed();
  const before = stream.all('customer-message').length;
  const sent = await upload(
    customer,
    [{ name: 'photo du dégât.png', type: 'image/png', bytes: PNG }],
    'voici',
  );
  expect(sent.status).toBe(200);

  const [event] = (await stream.take('customer-message', before + 1)).slice(before);
  const line = (event?.data as { line: { text: string; attachments: { uploadId: string }[] } }).line;
  expect(line).toMatchObject({
    from: 'customer',
    text: 'voici',
    attachments: [{ name: 'photo du dégât.png', contentType: 'image/png', size: PNG.length }],
  });
  const uploadId = line.attachments[0]!.uploadId;

  const opened = await fetch(`${running.url}/api/agent/uploads/${uploadId}`, {
    headers: { authorization: `Bearer ${alice.token}` },
  });
  expect(opened.status).toBe(200);
  expect(opened.headers.get('content-type')).toBe('image/png');
  expect(opened.headers.get('content-disposition')).toBe(
    `attachment; filename*=UTF-8''${encodeURIComponent('photo du dégât.png')}`,
  );
  expect(opened.headers.get('x-content-type-options')).toBe('nosniff');
  expect(Buffer.from(await opened.arrayBuffer())).toEqual(PNG);

  expect((await bruno.get(`/uploads/${uploadId}`)).status).toBe(403);
  expect((await fetch(`${running.url}/api/agent/uploads/${uploadId}`)).status).toBe(401);
  expect((await alice.get('/uploads/AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
  // The transcript keeps the link too; the customer's bubble came back (Web Chat marks it sent).
  const transcript = (await alice.get(`/conversations/${customer.conversationId}`)).json as {
    lines: { attachments?: unknown[] }[];
  };
  expect(transcript.lines.at(-1)?.attachments).toHaveLength(1);
  expect((await customer.texts(running.url)).at(-1)).toBe('voici');
});

test('a retried upload (same clientActivityID) is kept once', async () => {
  const customer = await claimed();
  const files = [{ name: 'devis.pdf', type: 'application/pdf', bytes: PDF }];
  const storedBefore = await storedFiles();
  const first = await upload(customer, files, '', 'same-id');
  const again = await upload(customer, files, '', 'same-id');
  expect(again).toEqual(first);
  expect(await storedFiles()).toBe(storedBefore + 1);
});

test('too large → 413, wrong type → 415, not with an agent → 409: told in the chat, nothing stored', async () => {
  const customer = await claimed();
  const storedBefore = await storedFiles();
  const big = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]);
  expect((await upload(customer, [{ name: 'big.png', type: 'image/png', bytes: big }])).status).toBe(413);
  expect((await customer.texts(running.url)).at(-1)).toMatch(/trop lourd : 5 Mo au plus/);

  const exe = Buffer.from('MZ\x90\x00 an executable');
  expect(
    (await upload(customer, [{ name: 'setup.exe', type: 'application/x-msdownload', bytes: exe }])).status,
  ).toBe(415);
  // Renamed: declared as an image, but the bytes are not one.
  const renamed = await upload(customer, [
    { name: 'ok.pdf', type: 'application/pdf', bytes: PDF },
    { name: 'photo.png', type: 'image/png', bytes: exe },
  ]);
  expect(renamed).toMatchObject({ status: 415, json: { error: { code: 'UnsupportedType' } } });
  expect((await customer.texts(running.url)).at(-1)).toMatch(/type de fichier n’est pas accepté/);

  const withBot = await Customer.start(running.url);
  expect(
    (await upload(withBot, [{ name: 'a.txt', type: 'text/plain', bytes: Buffer.from('bonjour') }])).status,
  ).toBe(409);
  expect((await withBot.texts(running.url)).at(-1)).toMatch(/demandez d’abord à parler à un conseiller/);

  expect(await storedFiles()).toBe(storedBefore);
  const transcript = (await alice.get(`/conversations/${customer.conversationId}`)).json as {
    lines: unknown[];
  };
  expect(transcript.lines).toEqual([]);
});

test('a body that is not multipart with an activity is a 400', async () => {
  const customer = await Customer.start(running.url);
  await customer.say(running.url, 'je veux parler à un conseiller');
  const form = new FormData();
  form.append('activity', 'not json');
  form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'a.pdf');
  const res = await fetch(
    `${running.url}/v3/directline/conversations/${customer.conversationId}/upload?userId=c`,
    { method: 'POST', headers: { authorization: `Bearer ${customer.token}` }, body: form },
  );
  expect(res.status).toBe(400);
  const noFile = await upload(customer, []);
  expect(noFile).toMatchObject({
    status: 400,
    json: { error: { message: expect.stringMatching(/^file:/) } },
  });
});
