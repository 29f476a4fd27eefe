import { MemorySurveyStore } from '../../../insights/index';
import { loadConfig } from '../../../bot/config';
import { silentLog } from '../../../bot/log';
import { InMemoryHandoffRecorder } from '../../../bot/ports/handoff';
import { compose } from '../../../bot/root/compose';
import { createServer, type RelaisServer } from '../../../bot/server';
import type { Faq } from '../../../knowledge-base/index';
import type { InvitationCounts } from '../../../bot/widget/invitation-counts';
import { OPEN_TIME, PARIS_HOURS, SECRET } from '../../support/test-settings';

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
  const config = loadConfig({ SUPERVISOR_TOKEN: SUPERVISOR, ...options.env });
  const composed = await compose(config, {
    faq,
    clock: now,
    log: silentLog,
    tokenSecret: SECRET,
    // The dashboard opens on the survey figures: a real (empty) store.
    surveys: new MemorySurveyStore(),
    ...(options.counts ? { stores: { invitationCounts: options.counts } } : {}),
    agent: 'off',
    bot: { handoff: new InMemoryHandoffRecorder(), supportHours: PARIS_HOURS },
  });
  const app = createServer(config, composed);
  const url = await app.listen(0);
  return { app, url, close: () => app.close() };
}
