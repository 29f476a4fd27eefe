import fc from 'fast-check';
import { nastyBody, nastyJson, nastyText } from '../../tests/integration/ops/hostile-http';

/** A request body on the wire with the content type it claims (absent: no header). */
export interface WireBody {
  readonly body: Buffer;
  readonly contentType?: string;
}

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const PDF = Buffer.from('%PDF-1.4\n%\n');

/** Activities and API bodies close to what each route expects, with hostile values in each field. */
const shapedJson: fc.Arbitrary<unknown> = fc.record(
  {
    type: fc.oneof(
      { weight: 4, arbitrary: fc.constant('message') },
      {
        weight: 1,
        arbitrary: fc.constantFrom('typing', 'conversationUpdate', 'invoke', 'event', 'endOfConversation'),
      },
    ),
    text: fc.oneof(nastyText, fc.constantFrom('conseiller', 'Non', '1', 'au revoir', 'comment payer')),
    channelId: fc.oneof(fc.constantFrom('webchat', 'directline', 'msteams', 'sms'), nastyText),
    serviceUrl: fc.constantFrom(
      'http://127.0.0.1:9/',
      'http://127.0.0.1.evil.example/',
      'file:///etc/passwd',
      '',
    ),
    conversation: fc.record({ id: nastyText }, { requiredKeys: [] }),
    from: fc.record(
      { id: nastyText, name: nastyText, role: fc.constantFrom('user', 'bot', 'agent') },
      { requiredKeys: [] },
    ),
    channelData: fc.record({ clientActivityID: nastyText }, { requiredKeys: [] }),
    user: fc.record({ id: nastyText, name: nastyText }, { requiredKeys: [] }),
    customer: fc.record(
      { id: nastyText, name: nastyText, email: nastyText, vip: fc.boolean() },
      { requiredKeys: [] },
    ),
    signature: fc.stringMatching(/^[0-9a-f]{0,70}$/),
    locale: fc.oneof(fc.constantFrom('fr-FR', 'en', 'xx'), nastyText),
    agentId: fc.oneof(fc.constantFrom('alice', 'bruno', 'nobody'), nastyText),
    password: nastyText,
    presence: fc.constantFrom('online', 'away', 'offline', 'busy'),
    reason: nastyText,
    to: fc.constantFrom('alice', 'bruno', 'emma', 'queue'),
    clientMessageId: nastyText,
    answer: nastyText,
  },
  { requiredKeys: [] },
);

const fileName = fc.oneof(
  fc.constantFrom(
    'a.png',
    'facture.pdf',
    'note.txt',
    'facture.pdf.bat',
    'photo.svg',
    'page.html',
    'facture\u202Etxt.exe',
    '',
    '../../x.png',
  ),
  nastyText,
);
const fileBytes = fc.oneof(
  fc.constantFrom(PNG, PDF, Buffer.from('bonjour\n')),
  fc.uint8Array({ maxLength: 3_000 }).map((b) => Buffer.from(b)),
);
const fileType = fc.constantFrom(
  'image/png',
  'application/pdf',
  'text/plain',
  'image/svg+xml',
  'text/html',
  '',
  'x/\r\ny',
);

/** multipart/form-data as Web Chat sends uploads: an activity part and file parts, some of them broken. */
export const multipart: fc.Arbitrary<WireBody> = fc
  .record({
    activity: fc.oneof(
      { weight: 3, arbitrary: nastyText.map((text) => JSON.stringify({ type: 'message', text })) },
      { weight: 1, arbitrary: shapedJson.map((v) => JSON.stringify(v)) },
      { weight: 1, arbitrary: nastyText },
    ),
    files: fc.array(fc.record({ name: fileName, type: fileType, bytes: fileBytes }), {
      minLength: 1,
      maxLength: 3,
    }),
    boundary: fc.constantFrom('fuzzboundary', 'fuzzboundary', 'x', ''),
    truncate: fc.constantFrom(false, false, false, true),
  })
  .map(({ activity, files, boundary, truncate }) => {
    const parts: Buffer[] = [
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="activity"\r\nContent-Type: application/vnd.microsoft.activity\r\n\r\n${activity}\r\n`,
      ),
    ];
    for (const f of files)
      parts.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name.replace(/["\r\n]/g, '')}"\r\nContent-Type: ${f.type.replace(/[\r\n]/g, '')}\r\n\r\n`,
        ),
        f.bytes,
        Buffer.from('\r\n'),
      );
    parts.push(Buffer.from(`--${boundary}--\r\n`));
    const whole = Buffer.concat(parts);
    return {
      body: truncate ? whole.subarray(0, Math.floor(whole.length / 2)) : whole,
      contentType: `multipart/form-data; boundary=${boundary}`,
    };
  });

const OVERSIZED = [300 * 1024, 1024 * 1024];

export const fuzzBody: fc.Arbitrary<WireBody> = fc.oneof(
  {
    weight: 4,
    arbitrary: shapedJson.map((v) => ({
      body: Buffer.from(JSON.stringify(v)),
      contentType: 'application/json',
    })),
  },
  {
    weight: 2,
    arbitrary: nastyJson.map((v) => ({
      body: Buffer.from(JSON.stringify(v) ?? 'null'),
      contentType: 'application/json',
    })),
  },
  // Malformed JSON declared as JSON: cut anywhere, or not JSON at all.
  {
    weight: 2,
    arbitrary: fc.tuple(shapedJson, fc.nat()).map(([v, cut]) => {
      const text = JSON.stringify(v);
      return {
        body: Buffer.from(text.slice(0, cut % Math.max(1, text.length))),
        contentType: 'application/json',
      };
    }),
  },
  {
    weight: 2,
    arbitrary: nastyBody.map((b) => ({
      body: typeof b.body === 'string' ? Buffer.from(b.body) : Buffer.from(b.body),
      ...(b.contentType !== undefined ? { contentType: b.contentType } : {}),
    })),
  },
  { weight: 2, arbitrary: multipart },
  {
    weight: 1,
    arbitrary: fc.constantFrom(...OVERSIZED).chain((size) =>
      fc.constantFrom(
        { body: Buffer.from('{"text":"' + 'x'.repeat(size) + '"}'), contentType: 'application/json' },
        {
          body: Buffer.concat([
            Buffer.from('--b\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\n'),
            Buffer.alloc(size * 6),
          ]),
          contentType: 'multipart/form-data; boundary=b',
        },
      ),
    ),
  },
  { weight: 1, arbitrary: fc.constant({ body: Buffer.alloc(0) }) },
);
