import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { SupportHours } from '../config';
import { sendError } from '../http/errors';
import { closedNow } from '../requests/closed-now';
import { handshake, handshakeQuery } from './handshake';
import { INVITATION_OUTCOMES, type InvitationCounts } from './invitation-counts';
import type { ProactiveRules } from './proactive-rules';
import type { WidgetOrigins } from './widget-origins';

export interface WidgetApiDeps {
  readonly origins: WidgetOrigins;
  /** Relais' own origins (PUBLIC_URL and the Host the request came to): its demo pages use the widget too. */
  readonly selfOrigins: (req: Request) => readonly string[];
  readonly rules: ProactiveRules;
  readonly counts: InvitationCounts;
  readonly supportHours: SupportHours;
  readonly clock: () => Date;
}

const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * The widget's two endpoints. Who may call them: any page (no credential), but the browser lets
 * only pages of WIDGET_ORIGINS (and Relais itself) read the answers or post, through CORS; a request
 * from any other origin is told `allowed: false` or refused with 403. The POST is rate-limited per IP
 * (bot/security/rate-limits.ts).
 */
export function registerWidgetApi(server: Server, deps: WidgetApiDeps): void {
  const allowed = (req: Request, origin: string | undefined) =>
    origin !== undefined && (deps.origins.allows(origin) || deps.selfOrigins(req).includes(origin));

  // GET /api/widget/config?origin=<location.origin>: may the widget show itself here, and which rules fire now.
  server.get('/api/widget/config', async (req: Request, res: Response) => {
    const sent = req.header('origin') || undefined;
    res.set(deps.origins.corsHeaders(sent));
    res.set('cache-control', 'no-store');
    const query = handshakeQuery.safeParse(req.query ?? {});
    if (!query.success) return sendError(res, 400, 'BadRequest', issuesOf(query.error));
    const claimed = query.data.origin;
    // A browser names the calling page's origin itself: a page cannot claim another site's.
    const ok = (sent === undefined || sent === claimed) && allowed(req, claimed);
    const open = closedNow(deps.clock(), deps.supportHours) === undefined;
    res.send(200, handshake(ok, open, deps.rules));
  });

  const ruleIds = deps.rules.map((r) => r.id);
  const eventBody = z.strictObject({
    rule: z.string().refine((id) => ruleIds.includes(id), 'must be the id of a configured proactive rule'),
    outcome: z.enum(INVITATION_OUTCOMES),
  });

  // Preflight of the JSON POST: allowed origins only.
  server.opts('/api/widget/events', async (req: Request, res: Response) => {
    const sent = req.header('origin') || undefined;
    res.set(deps.origins.corsHeaders(sent));
    if (sent !== undefined && deps.origins.allows(sent)) {
      res.set('access-control-allow-methods', 'POST');
      res.set('access-control-allow-headers', 'content-type');
      res.set('access-control-max-age', String(PREFLIGHT_MAX_AGE_SECONDS));
    }
    res.send(204);
  });

  // POST /api/widget/events { rule, outcome }: one invitation shown, accepted or dismissed.
  server.post('/api/widget/events', async (req: Request, res: Response) => {
    const sent = req.header('origin') || undefined;
    res.set(deps.origins.corsHeaders(sent));
    if (!allowed(req, sent))
      return sendError(
        res,
        403,
        'Forbidden',
        'only the widget on a site of WIDGET_ORIGINS may post invitations',
      );
    const body = eventBody.safeParse(req.body);
    if (!body.success) return sendError(res, 400, 'BadRequest', issuesOf(body.error));
    await deps.counts.record(body.data.rule, body.data.outcome);
    res.send(204);
  });
}

const issuesOf = (error: z.ZodError): string =>
  error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ');
