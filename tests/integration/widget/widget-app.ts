import { MemoryStorage } from 'botbuilder';
import { MemorySurveyStore } from '../../../insights/index';
import { loadConfig } from '../../../bot/config';
import { ClosingService } from '../../../bot/closing/closing-service';
import { InMemoryDirectLineStore } from '../../../bot/directline/store';
import { silentLog } from '../../../bot/log';
import { DemoBackOffice } from '../../../bot/ports/demo-back-office';
import { InMemoryHandoffRecorder } from '../../../bot/ports/handoff';
import { identifyWith } from '../../../bot/security/identity';
import { MemoryRateLimitStore } from '../../../bot/security/token-bucket';
import { createServer, type RelaisServer } from '../../../bot/server';
import type { Faq } from '../../../knowledge-base/index';
import type { InvitationCounts } from '../../../bot/widget/invitation-counts';
import { OPEN_TIME, PARIS_HOURS, SECRET } from '../../unit/bot/harness';

export const SUPERVISOR = 'supervisor-token-for-widget-tests-01';

export interface WidgetApp {
  readonly app: RelaisServer;
  readonly url: string;
  close(): Promise<void>;
}

/**
 * A real Relais server on port 0 with the widget's env (WIDGET_ORIGINS, PROACTIVE_RULES_FILE…),
 * a fixed clock (support open unless `now` says otherwise) and the invitation counts given.
 */
export async function startWidgetApp(
  faq: Faq,
  options: {
    readonly env?: Readonly<Record<string, string>>;
    readonly now?: () => Date;
    readonly counts?: InvitationCounts;
  } = {},
): Promise<WidgetApp> {
  const now = options.now ?? (() => OPEN_TIME);
  const app = createServer(loadConfig({ SUPERVISOR_TOKEN: SUPERVISOR, ...options.env }), {
    bot: {
      faq,
      handoff: new InMemoryHandoffRecorder(),
      backOffice: new DemoBackOffice(now),
      closing: new ClosingService(),
      supportHours: PARIS_HOURS,
      clock: now,
      identify: identifyWith(SECRET),
      // The dashboard opens on the survey figures: a real (empty) store.
      surveys: new MemorySurveyStore(),
    },
    storage: new MemoryStorage(),
    directLineStore: new InMemoryDirectLineStore(),
    rateLimitStore: new MemoryRateLimitStore(),
    ...(options.counts ? { invitationCounts: options.counts } : {}),
    tokenSecret: SECRET,
    log: silentLog,
  });
  const url = await app.listen(0);
  return { app, url, close: () => app.close() };
}
