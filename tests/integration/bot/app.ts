import { MemoryStorage, type Storage } from 'botbuilder';
import type { Faq } from '../../../knowledge-base/index';
import { loadConfig } from '../../../bot/config';
import { InMemoryHandoffRecorder } from '../../../bot/ports/handoff';
import { InMemoryDirectLineStore, type DirectLineStore } from '../../../bot/directline/store';
import { silentLog } from '../../../bot/log';
import { compose } from '../../../bot/root/compose';
import { createServer, type RelaisServer } from '../../../bot/server';
import { OPEN_TIME, PARIS_HOURS, SECRET } from '../../support/test-settings';

export interface RunningApp {
  readonly app: RelaisServer;
  readonly url: string;
  readonly handoff: InMemoryHandoffRecorder;
}

/** A real Relais server on a free port with in-memory stores (unless given) and a fixed clock. */
export async function startApp(
  faq: Faq,
  env: Record<string, string> = {},
  now: () => Date = () => OPEN_TIME,
  stores: { storage: Storage; directLineStore: DirectLineStore } = {
    storage: new MemoryStorage(),
    directLineStore: new InMemoryDirectLineStore(),
  },
): Promise<RunningApp> {
  const handoff = new InMemoryHandoffRecorder();
  const config = loadConfig(env);
  const composed = await compose(config, {
    faq,
    clock: now,
    log: silentLog,
    tokenSecret: SECRET,
    stores,
    surveys: false,
    rateLimited: false,
    agent: 'off',
    bot: { handoff, supportHours: PARIS_HOURS },
  });
  const app = createServer(config, composed);
  const url = await app.listen(0);
  return { app, url, handoff };
}

export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: unknown }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as unknown) : undefined };
}
