import { MemorySurveyStore } from '../../../insights/index';
import { loadConfig } from '../../../bot/config';
import { silentLog } from '../../../bot/log';
import { InMemoryHandoffRecorder } from '../../../bot/ports/handoff';
import { compose } from '../../../bot/root/compose';
import { createServer, type RelaisServer } from '../../../bot/server';
import { seedSurveys } from '../../fixtures/seeded-surveys';
import { buildTestFaq } from '../../support/test-faq';
import { OPEN_TIME, PARIS_HOURS, SECRET } from '../../support/test-settings';

export const SUPERVISOR_TOKEN = 'supervisor-token-for-tests-0123';

/** A real server on a free port whose survey store holds the seeded March 2026 conversations. */
export async function startReportsApp(
  env: Record<string, string> = { SUPERVISOR_TOKEN },
): Promise<{ app: RelaisServer; url: string; surveys: MemorySurveyStore }> {
  const surveys = new MemorySurveyStore();
  await seedSurveys(surveys);
  const now = () => OPEN_TIME;
  const config = loadConfig(env);
  const composed = await compose(config, {
    faq: buildTestFaq(),
    clock: now,
    log: silentLog,
    tokenSecret: SECRET,
    surveys,
    rateLimited: false,
    agent: 'off',
    bot: { handoff: new InMemoryHandoffRecorder(), supportHours: PARIS_HOURS },
  });
  const app = createServer(config, composed);
  return { app, url: await app.listen(0), surveys };
}
