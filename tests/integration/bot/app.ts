import { MemoryStorage, type Storage } from 'botbuilder';
import type { Faq } from '../../../knowledge-base/index';
import { loadConfig } from '../../../bot/config';
import { ClosingService } from '../../../bot/closing/closing-service';
import { DemoBackOffice } from '../../../bot/ports/demo-back-office';
import { InMemoryHandoffRecorder } from '../../../bot/ports/handoff';
import { InMemoryDirectLineStore, type DirectLineStore } from '../../../bot/directline/store';
import { silentLog } from '../../../bot/log';
import { identifyWith } from '../../../bot/security/identity';
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
  const app = createServer(loadConfig(env), {
    bot: {
      faq,
      handoff,
      backOffice: new DemoBackOffice(now),
      closing: new ClosingService(),
      supportHours: PARIS_HOURS,
      clock: now,
      identify: identifyWith(SECRET),
    },
    ...stores,
    tokenSecret: SECRET,
    log: silentLog,
  });
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
