import { MemoryStorage } from 'botbuilder';
import { MemorySurveyStore } from '../../../insights/index';
import { loadConfig } from '../../../bot/config';
import { InMemoryDirectLineStore } from '../../../bot/directline/store';
import { silentLog } from '../../../bot/log';
import { ClosingService } from '../../../bot/closing/closing-service';
import { DemoBackOffice } from '../../../bot/ports/demo-back-office';
import { InMemoryHandoffRecorder } from '../../../bot/ports/handoff';
import { identifyWith } from '../../../bot/security/identity';
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
  const app = createServer(loadConfig(env), {
    bot: {
      faq: buildTestFaq(),
      handoff: new InMemoryHandoffRecorder(),
      backOffice: new DemoBackOffice(now),
      closing: new ClosingService(),
      supportHours: PARIS_HOURS,
      clock: now,
      identify: identifyWith(SECRET),
      surveys,
    },
    storage: new MemoryStorage(),
    directLineStore: new InMemoryDirectLineStore(),
    tokenSecret: SECRET,
    log: silentLog,
  });
  return { app, url: await app.listen(0), surveys };
}
