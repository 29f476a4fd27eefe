import type { Request, Response, Server } from 'restify';
import { guardSupervisor } from '../reports/supervisor-auth';
import type { SupervisorAuth } from '../reports/supervisor-config';
import type { InvitationCounts } from './invitation-counts';
import type { ProactiveRules } from './proactive-rules';

/** One row of the dashboard's invitations table. */
export interface InvitationRow {
  readonly rule: string;
  readonly trigger: string;
  readonly botOnly: boolean;
  readonly shown: number;
  readonly accepted: number;
  readonly dismissed: number;
  /** accepted / shown; null before any was shown. */
  readonly acceptanceRate: number | null;
}

/**
 * GET /api/reports/invitations — supervisor token only: the proactive invitations per configured
 * rule since the counts began (memory: this process; Redis: the deployment).
 */
export function registerInvitationReport(
  server: Server,
  deps: {
    readonly supervisor?: SupervisorAuth;
    readonly rules: ProactiveRules;
    readonly counts: InvitationCounts;
  },
): void {
  server.get('/api/reports/invitations', async (req: Request, res: Response) => {
    if (!guardSupervisor(req, res, deps.supervisor)) return;
    const tallies = await deps.counts.read(deps.rules.map((r) => r.id));
    const rules: InvitationRow[] = deps.rules.map((r, i) => {
      const t = tallies[i] ?? { shown: 0, accepted: 0, dismissed: 0 };
      return {
        rule: r.id,
        trigger: r.trigger.kind,
        botOnly: r.botOnly,
        ...t,
        acceptanceRate: t.shown === 0 ? null : Math.min(1, t.accepted / t.shown),
      };
    });
    res.set('cache-control', 'no-store');
    res.send(200, { rules });
  });
}
