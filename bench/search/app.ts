import { MemorySurveyStore } from '../../insights/index';
import { loadConfig } from '../../bot/config';
import type { KbReloader } from '../../bot/kb-admin/kb-reloader';
import { compose } from '../../bot/root/compose';
import { silentLog } from '../../bot/log';
import { InMemoryHandoffRecorder } from '../../bot/ports/handoff';
import { createServer, type RelaisServer } from '../../bot/server';

/** A Relais server (lexical matcher, memory stores) over the given KB files, on a free port. */
export async function startBenchServer(
  files: readonly string[],
): Promise<{ app: RelaisServer; url: string; reloader: KbReloader }> {
  const config = loadConfig({ MATCHER_ENCODER: 'off', KB_FILES: files.join(',') });
  const composed = await compose(config, {
    log: silentLog,
    tokenSecret: 'bench-search-secret-0123456789abcdef',
    surveys: new MemorySurveyStore(),
    rateLimited: false,
    agent: 'off',
    bot: { handoff: new InMemoryHandoffRecorder() },
  });
  const reloader = composed.kbReloader!;
  const app = createServer(config, composed);
  return { app, url: await app.listen(0), reloader };
}
