import { SHARED_ENCODER_CACHE_DIR } from '../../support/encoder-cache';
import { call, startKbAdminApp, type KbAdminApp } from './kb-admin-app';

/** A small English KB: the encoder reads English by default. */
const KB_EN = `version: 1
locale: en
entries:
  - id: password-reset
    question: "I forgot my password"
    alternates: ["reset my password", "cannot log in to my account", "lost my password", "change my login password"]
    answer: "Use 'Forgot password' on the login page."
  - id: vip
    question: "How much is the VIP subscription?"
    alternates: ["vip price", "what does vip cost", "vip per month", "price of the premium plan"]
    answer: "15 EUR a month."
  - id: invoices
    question: "Where are my invoices?"
    alternates: ["download an invoice", "I did not get my bill", "last month's invoice", "get my invoices"]
    answer: "In 'My account', under 'Invoices'."
`;

async function kbStatus(app: KbAdminApp) {
  const res = await call(`${app.url}/api/kb`, 'GET');
  expect(res.status).toBe(200);
  return res.json as { encoder: { state: string; id?: string }; vectors: Record<string, { reads: string }> };
}

describe('GET /api/kb tells whether the sentence encoder is in use', () => {
  it('with MATCHER_ENCODER=on, English is matched with the encoder and the status names the model', async () => {
    const app = await startKbAdminApp({
      kb: KB_EN,
      fileName: 'en.yaml',
      env: { MATCHER_ENCODER: 'on', ENCODER_CACHE_DIR: SHARED_ENCODER_CACHE_DIR },
    });
    try {
      const status = await kbStatus(app);
      expect(status.encoder).toMatchObject({ state: 'on', id: 'use-lite-en@0.2.0' });
      expect(status.vectors.en?.reads).toContain('use-lite-en@0.2.0');
      // The running bot answers through the encoder's matcher.
      const d = await app.deps.bot.faq.match('i cannot remember my password', { locale: 'en' });
      expect(d.candidates[0]?.id).toBe('password-reset');
    } finally {
      await app.close();
    }
  }, 120_000);

  it('with MATCHER_ENCODER=off, it says lexical only', async () => {
    const app = await startKbAdminApp({ kb: KB_EN, fileName: 'en.yaml', env: { MATCHER_ENCODER: 'off' } });
    try {
      const status = await kbStatus(app);
      expect(status.encoder.state).toBe('off');
      expect(status.vectors.en?.reads).toBe('lexical only');
    } finally {
      await app.close();
    }
  });
});
