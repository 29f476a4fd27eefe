import { loadConfig } from '../../../bot/config';
import { buildTestFaq } from '../../support/test-faq';
import { testRedisUrl, uniquePrefix } from '../../support/prefix';
import { agentsJson, PASSWORDS, startAgentApp, type AgentApp } from './agent-app';
import { Agent, Customer } from './clients';

const PDF = Buffer.from('%PDF-1.4\n% a tiny pdf\n');
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('not really pixels, but a PNG signature'),
]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);
const TEXT = Buffer.from('relevé de compte\n');
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
const HTML = Buffer.from('<html><script>alert(1)</script></html>');
/** A PDF of `size` bytes. */
const pdfOf = (size: number) => Buffer.concat([PDF, Buffer.alloc(size - PDF.length, 0x20)]);

const QUOTA_ENV = { UPLOAD_MAX_FILES_PER_CONVERSATION: '3', UPLOAD_MAX_BYTES_PER_CONVERSATION: '8192' };

type File = { name: string; type: string; bytes: Buffer };
interface Line {
  readonly text: string;
  readonly attachments?: readonly { readonly name: string; readonly contentType: string }[];
}

describe.each(['memory', 'redis'] as const)('uploads: names and quotas (%s)', (mode) => {
  let running: AgentApp;
  let alice: Agent;

  beforeAll(async () => {
    // Alice holds every conversation of the suite.
    const agents = (JSON.parse(await agentsJson()) as object[]).map((a) => ({ ...a, capacity: 20 }));
    running = await startAgentApp(buildTestFaq(), JSON.stringify(agents), {
      ...(mode === 'redis'
        ? { redisUrl: testRedisUrl(), prefix: uniquePrefix('upload-quota').replace(/:$/, '') }
        : {}),
      env: QUOTA_ENV,
    });
    alice = await Agent.login(running.url, 'alice', PASSWORDS.alice);
    await alice.post('/presence', { presence: 'online' });
  });
  afterAll(() => running?.close());

  async function claimed(): Promise<Customer> {
    const customer = await Customer.start(running.url);
    await customer.say(running.url, 'je veux parler à un conseiller');
    expect((await alice.post(`/conversations/${customer.conversationId}/claim`)).status).toBe(200);
    return customer;
  }

  async function lines(customer: Customer): Promise<Line[]> {
    return ((await alice.get(`/conversations/${customer.conversationId}`)).json as { lines: Line[] }).lines;
  }

  const send = (customer: Customer, files: File[]) => customer.upload(running.url, files);

  test('double, dangerous or disagreeing extensions and bidi tricks are refused (415), nothing kept', async () => {
    const customer = await claimed();
    const refused: File[] = [
      { name: 'facture.pdf.bat', type: 'application/pdf', bytes: PDF },
      { name: 'releve.hta', type: 'text/plain', bytes: TEXT },
      { name: 'photo.svg', type: 'image/svg+xml', bytes: SVG },
      { name: 'photo.svg', type: 'text/plain', bytes: SVG },
      { name: 'page.html', type: 'text/plain', bytes: HTML },
      { name: 'facture\u202Etxt.exe', type: 'text/plain', bytes: TEXT },
      { name: 'facture.exe.pdf', type: 'application/pdf', bytes: PDF },
      { name: 'facture.pdf', type: 'text/plain', bytes: PDF }, // the bytes say PDF, the type says text
      { name: 'photo.png', type: 'image/png', bytes: JPEG },
      { name: 'photo.jpg', type: 'image/png', bytes: PNG },
      { name: 'facture.exe. ', type: 'application/pdf', bytes: PDF }, // Windows drops the trailing dot
    ];
    for (const file of refused) {
      const res = await send(customer, [file]);
      expect([file.name, res.status]).toEqual([file.name, 415]);
      expect(res.json).toMatchObject({ error: { code: 'UnsupportedType' } });
    }
    expect((await customer.texts(running.url)).at(-1)).toMatch(/n’a pas été envoyé/);
    expect(await lines(customer)).toEqual([]);
  });

  test('names are cleaned of control and bidi characters; a missing extension is added', async () => {
    const customer = await claimed();
    const files: File[] = [
      { name: 'note\u202Egpj.txt', type: 'text/plain', bytes: TEXT },
      { name: 'a\u0007b\u200B\u2066c\u0085.txt', type: 'text/plain; charset=utf-8', bytes: TEXT },
      { name: 'Relevé 2026.PDF', type: 'application/pdf', bytes: PDF },
    ];
    expect((await send(customer, files)).status).toBe(200);
    const [first] = await lines(customer);
    expect(first?.attachments?.map((a) => a.name)).toEqual(['notegpj.txt', 'abc.txt', 'Relevé 2026.PDF']);
    for (const name of first?.attachments?.map((a) => a.name) ?? [])
      // eslint-disable-next-line no-control-regex -- the characters that must be gone
      expect(name).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/);

    const other = await claimed();
    expect((await send(other, [{ name: 'scan', type: 'image/png', bytes: PNG }])).status).toBe(200);
    expect((await lines(other))[0]?.attachments?.[0]?.name).toBe('scan.png');
  });

  test('each conversation has a file-count quota: 413 past it, nothing of the refused upload kept', async () => {
    const customer = await claimed();
    const pdf = (name: string): File => ({ name, type: 'application/pdf', bytes: PDF });
    expect((await send(customer, [pdf('a.pdf'), pdf('b.pdf')])).status).toBe(200);
    const over = await send(customer, [pdf('c.pdf'), pdf('d.pdf')]);
    expect(over).toMatchObject({ status: 413, json: { error: { code: 'QuotaExceeded' } } });
    expect((over.json as { error: { message: string } }).error.message).toMatch(/3 files/);
    expect((await customer.texts(running.url)).at(-1)).toMatch(/maximum de fichiers/);
    expect((await send(customer, [pdf('c.pdf')])).status).toBe(200);
    expect((await send(customer, [pdf('e.pdf')])).status).toBe(413);
    expect((await lines(customer)).flatMap((l) => l.attachments?.map((a) => a.name) ?? [])).toEqual([
      'a.pdf',
      'b.pdf',
      'c.pdf',
    ]);
    // Another conversation has its own quota.
    expect((await send(await claimed(), [pdf('a.pdf')])).status).toBe(200);
  });

  test('each conversation has a byte quota, counted atomically under concurrent uploads', async () => {
    const customer = await claimed();
    const big = (name: string): File => ({ name, type: 'application/pdf', bytes: pdfOf(3000) });
    expect((await send(customer, [big('a.pdf')])).status).toBe(200);
    expect((await send(customer, [big('b.pdf')])).status).toBe(200);
    const over = await send(customer, [big('c.pdf')]);
    expect(over).toMatchObject({ status: 413, json: { error: { code: 'QuotaExceeded' } } });
    expect((over.json as { error: { message: string } }).error.message).toMatch(/8192 bytes/);

    const racing = await claimed();
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        send(racing, [{ name: `r${i}.pdf`, type: 'application/pdf', bytes: PDF }]),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(3);
    expect(results.filter((r) => r.status === 413)).toHaveLength(5);
    expect((await lines(racing)).flatMap((l) => l.attachments ?? [])).toHaveLength(3);
  });
});

test('the upload quotas are zod-checked settings with defaults', () => {
  expect(loadConfig({}).uploadQuota).toEqual({ files: 20, bytes: 25 * 1024 * 1024 });
  expect(loadConfig(QUOTA_ENV).uploadQuota).toEqual({ files: 3, bytes: 8192 });
  expect(() => loadConfig({ UPLOAD_MAX_FILES_PER_CONVERSATION: '0' })).toThrow(
    /UPLOAD_MAX_FILES_PER_CONVERSATION/,
  );
  expect(() => loadConfig({ UPLOAD_MAX_BYTES_PER_CONVERSATION: 'lots' })).toThrow(
    /UPLOAD_MAX_BYTES_PER_CONVERSATION/,
  );
});
