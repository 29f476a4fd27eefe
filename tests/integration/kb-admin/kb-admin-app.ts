import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../../bot/config';
import { compose, type Composition } from '../../../bot/root/compose';
import { silentLog } from '../../../bot/log';
import { createServer, type RelaisServer } from '../../../bot/server';
import { FOUR_ENTRIES_FR } from '../../support/four-entry-kb';

export const SUPERVISOR_TOKEN = 'kb-admin-supervisor-token-0123';
export const AUTH = { authorization: `Bearer ${SUPERVISOR_TOKEN}` };

/** A small French KB the matcher answers "comment payer" from. */
export const KB_FR = `# FAQ de test — ce commentaire doit survivre aux modifications
${FOUR_ENTRIES_FR}`;

export interface KbAdminApp {
  readonly app: RelaisServer;
  readonly url: string;
  readonly deps: Composition;
  readonly dir: string;
  readonly kbFile: string;
  close(): Promise<void>;
}

/** Relais as `npm start` builds it (compose), on a free port, reading a KB copied to a temp dir. */
export async function startKbAdminApp(
  options: { env?: Record<string, string>; kb?: string; fileName?: string } = {},
): Promise<KbAdminApp> {
  const dir = mkdtempSync(join(tmpdir(), 'relais-kb-admin-'));
  const kbFile = join(dir, options.fileName ?? 'fr.yaml');
  writeFileSync(kbFile, options.kb ?? KB_FR);
  const config = loadConfig({ KB_FILES: kbFile, SUPERVISOR_TOKEN, MATCHER_ENCODER: 'off', ...options.env });
  const deps = await compose(config, { log: silentLog });
  const app = createServer(config, deps);
  const url = await app.listen(0);
  return {
    app,
    url,
    deps,
    dir,
    kbFile,
    close: async () => {
      await app.close();
      await deps.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function call(
  url: string,
  method: string,
  body?: unknown,
  headers: Record<string, string> = AUTH,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** A customer opens the chat (local Direct Line), asks one question and reads the bot's replies. */
export async function ask(url: string, text: string): Promise<string[]> {
  const issued = await call(`${url}/api/directline/token`, 'POST', {}, {});
  const started = await call(
    `${url}/v3/directline/conversations`,
    'POST',
    { locale: 'fr-FR' },
    { authorization: `Bearer ${String(issued.json.token)}` },
  );
  const conversationId = String(started.json.conversationId);
  const bearer = { authorization: `Bearer ${String(started.json.token)}` };
  const posted = await call(
    `${url}/v3/directline/conversations/${conversationId}/activities`,
    'POST',
    {
      type: 'message',
      text,
      locale: 'fr-FR',
      from: { id: 'customer', role: 'user' },
      channelData: { clientActivityID: `c-${Math.random()}` },
    },
    bearer,
  );
  if (posted.status !== 200) throw new Error(`post failed: ${posted.status} ${JSON.stringify(posted.json)}`);
  // The turn has run when the POST answers; skip the welcome (1) and the echo of the question (2).
  const page = await call(
    `${url}/v3/directline/conversations/${conversationId}/activities?watermark=2`,
    'GET',
    undefined,
    bearer,
  );
  return (page.json.activities as { text?: string }[]).map((a) => a.text ?? '');
}
