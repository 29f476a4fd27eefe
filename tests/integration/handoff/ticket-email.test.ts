import { createServer } from 'node:net';
import { SMTPServer } from 'smtp-server';
import {
  HandoffError,
  ManualClock,
  MemoryHandoffQueue,
  SmtpMailer,
  TicketDesk,
  formatPromisedReply,
  smtpConfigFromEnv,
  type ChatDelivery,
} from '../../../handoff';

interface Received {
  readonly from: string;
  readonly to: string[];
  readonly raw: string;
}

/** Body of a quoted-printable text part, decoded (enough for nodemailer's plain-text mails). */
function decodeQuotedPrintable(raw: string): string {
  const body = raw.slice(raw.indexOf('\r\n\r\n') + 4).replace(/=\r\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const hex = body.slice(i + 1, i + 3);
    if (body[i] === '=' && /^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(body.charCodeAt(i));
  }
  return Buffer.from(bytes).toString('utf8');
}

describe('ticket answers by e-mail (real SMTP client against a local smtp-server)', () => {
  const inbox: Received[] = [];
  let server: SMTPServer;
  let port: number;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          inbox.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.server.address();
    port = typeof address === 'object' && address ? address.port : 0;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const env = () => ({
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(port),
    SMTP_IGNORE_TLS: 'true',
    SMTP_FROM: 'Mon aide à l’heure <support@monaide.example>',
  });

  it('answers the oldest ticket by e-mail and in the chat when the customer is still there', async () => {
    const clock = new ManualClock(Date.UTC(2025, 0, 6, 21, 0)); // Monday 22:00 Paris: closed
    const queue = new MemoryHandoffQueue({ clock });
    const mailer = new SmtpMailer(smtpConfigFromEnv(env()));
    const delivered: string[] = [];
    const chat: ChatDelivery = {
      deliver: async (id, text) => {
        delivered.push(`${id}: ${text}`);
        return true;
      },
    };
    const desk = new TicketDesk({ queue, mailer, chat });
    const opened = await queue.enqueue({
      conversationId: 'night-1',
      language: 'fr',
      contact: { name: 'Mme Martin', email: 'martin@example.com' },
      transcript: [{ at: 1, from: 'customer', text: "Mon aide n'est pas venue ce matin." }],
    });
    expect(opened).toMatchObject({ ok: true, outcome: 'ticket', why: 'outside-hours' });
    if (opened.ok && opened.outcome === 'ticket') {
      expect(formatPromisedReply(opened.promisedReplyAt, 'fr')).toContain('mardi 7 janvier à 12:00');
    }
    clock.advance(3_600_000);
    await queue.enqueue({ conversationId: 'night-2', language: 'en', contact: { email: 'b@example.com' } });

    expect((await desk.pending()).map((t) => t.id)).toEqual(['night-1', 'night-2']);
    const answer = 'Bonjour, votre prestataire passera demain à 9 h. Nous vous remboursons la séance.';
    const result = await desk.answer('night-1', 'anna', answer);
    expect(result).toMatchObject({ ok: true, deliveredInChat: true, conversation: { state: 'answered' } });
    expect(result.ok && result.messageId).toMatch(/@/);
    expect(delivered).toEqual([`night-1: ${answer}`]);

    expect(inbox).toHaveLength(1);
    const mail = inbox[0]!;
    expect(mail.from).toBe('support@monaide.example');
    expect(mail.to).toEqual(['martin@example.com']);
    const body = decodeQuotedPrintable(mail.raw);
    expect(body).toContain('Bonjour Mme Martin,');
    expect(body).toContain(answer);
    expect(body).toContain("> Mon aide n'est pas venue ce matin.");
    expect(mail.raw).toMatch(/^Subject: /m);

    // Exactly once: a second answer is refused and sends nothing.
    expect(await desk.answer('night-1', 'bob', 'again')).toEqual({
      ok: false,
      reason: 'wrong-state',
      state: 'answered',
    });
    expect(inbox).toHaveLength(1);
    expect((await desk.pending()).map((t) => t.id)).toEqual(['night-2']);
    await mailer.close();
  });

  it('reports an unreachable SMTP server as MAIL_FAILED with the cause, keeping the stored answer', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const a = s.address();
        s.close(() => resolve(typeof a === 'object' && a ? a.port : 1));
      });
    });
    const queue = new MemoryHandoffQueue({ clock: new ManualClock(Date.UTC(2025, 0, 6, 21, 0)) });
    const mailer = new SmtpMailer({ ...smtpConfigFromEnv(env()), port: closedPort, timeoutMs: 2000 });
    await queue.enqueue({ conversationId: 't', language: 'fr', contact: { email: 'x@example.com' } });
    const failure = await new TicketDesk({ queue, mailer })
      .answer('t', 'anna', 'Réponse')
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(HandoffError);
    expect(failure).toMatchObject({ code: 'MAIL_FAILED' });
    expect((failure as HandoffError).cause).toBeDefined();
    expect(await queue.get('t')).toMatchObject({ state: 'answered', ticket: { answer: 'Réponse' } });
    await mailer.close();
  });

  it('names the missing or bad SMTP variable', () => {
    expect(() => smtpConfigFromEnv({ SMTP_PORT: '25', SMTP_FROM: 'a@b.c' })).toThrow(/SMTP_HOST/);
    expect(() => smtpConfigFromEnv({ ...env(), SMTP_PORT: 'abc' })).toThrow(/SMTP_PORT/);
  });
});
