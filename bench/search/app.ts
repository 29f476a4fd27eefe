import { MemoryStorage } from 'botbuilder';
import { MemorySurveyStore } from '../../insights/index';
import { loadConfig } from '../../bot/config';
import { ClosingService } from '../../bot/closing/closing-service';
import { InMemoryDirectLineStore } from '../../bot/directline/store';
import { KbReloader } from '../../bot/kb-admin/kb-reloader';
import { silentLog } from '../../bot/log';
import { DemoBackOffice } from '../../bot/ports/demo-back-office';
import { InMemoryHandoffRecorder } from '../../bot/ports/handoff';
import { identifyWith } from '../../bot/security/identity';
import { createServer, type RelaisServer } from '../../bot/server';

/** A Relais server (lexical matcher, memory stores) over the given KB files, on a free port. */
export async function startBenchServer(
  files: readonly string[],
): Promise<{ app: RelaisServer; url: string; reloader: KbReloader }> {
  const reloader = await KbReloader.start(files, { defaultLocale: 'fr' });
  const config = loadConfig({ MATCHER_ENCODER: 'off' });
  const now = () => new Date();
  const app = createServer(config, {
    bot: {
      faq: reloader.holder,
      handoff: new InMemoryHandoffRecorder(),
      backOffice: new DemoBackOffice(now),
      closing: new ClosingService(),
      supportHours: config.supportHours,
      clock: now,
      identify: identifyWith('bench-search-secret-0123456789abcdef'),
      surveys: new MemorySurveyStore(),
    },
    storage: new MemoryStorage(),
    directLineStore: new InMemoryDirectLineStore(),
    tokenSecret: 'bench-search-secret-0123456789abcdef',
    log: silentLog,
  });
  return { app, url: await app.listen(0), reloader };
}
