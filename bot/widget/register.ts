import type { Request, Server } from 'restify';
import type { Config } from '../config';
import { findWebRoot } from '../http/static-route';
import type { AppDeps } from '../server';
import { MemoryInvitationCounts } from './invitation-counts';
import { registerInvitationReport } from './invitation-report';
import { loadProactiveRules } from './proactive-rules';
import { registerWidgetApi } from './widget-api';
import { registerWidgetFiles } from './widget-files';
import { WidgetOrigins } from './widget-origins';

/**
 * The embeddable "?" widget: its script, its handshake and invitation endpoints, the supervisor's
 * invitation report, and the demo site outside production (docs/widget.md). The rules file is read
 * here, once: a bad one stops the start with its failing paths.
 */
export function registerWidget(server: Server, config: Config, deps: AppDeps): void {
  const rules = loadProactiveRules(config.proactiveRulesFile);
  const counts = deps.invitationCounts ?? new MemoryInvitationCounts();
  const publicOrigin = new URL(config.publicUrl).origin;
  registerWidgetApi(server, {
    origins: new WidgetOrigins(config.widgetOrigins),
    selfOrigins: (req: Request) => [
      publicOrigin,
      `${req.isSecure() ? 'https' : 'http'}://${req.headers.host ?? ''}`,
    ],
    rules,
    counts,
    supportHours: deps.bot.supportHours,
    clock: deps.bot.clock,
  });
  registerInvitationReport(server, {
    ...(config.supervisor ? { supervisor: config.supervisor } : {}),
    rules,
    counts,
  });
  registerWidgetFiles(server, findWebRoot(), config.production);
}
