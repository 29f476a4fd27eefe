import type { Request, Response, Server } from 'restify';
import {
  agentFiguresToCsv,
  buildInsightsReport,
  kbTermReadings,
  type KbVocabularySource,
  missedQuestionsOf,
  suggestKbImprovements,
  surveysToCsv,
  type SurveyStore,
} from '../../insights/index';
import type { FaqPort } from '../conversation/deps';
import { sendError } from '../http/errors';
import type { Log } from '../log';
import type { ErasureStores } from './customer-erasure';
import { nearestEntryIn } from './kb-suggestion-sources';
import type { LiveViewSource } from './live-view';
import type { OpenConversationSource } from './open-conversations';
import { registerErasure } from './erase-route';
import { parseReportQuery, type ReportQuery } from './report-query';
import { guardSupervisor } from './supervisor-auth';
import type { SupervisorAuth } from './supervisor-config';

export interface ReportsDeps {
  readonly supervisor?: SupervisorAuth;
  readonly surveys?: SurveyStore;
  readonly faq: FaqPort;
  /** Calendar days of the report are cut in this zone. */
  readonly timeZone: string;
  readonly clock: () => Date;
  readonly log: Log;
  /** The KB in service, whose synonyms and vocabulary group the suggestions (kbInService). */
  readonly kb?: () => KbVocabularySource | undefined;
  /** Conversations still with people (handoff queue); without agents there are none. */
  readonly open?: OpenConversationSource;
  /** DEFLECTION_QUIET_MIN in ms: an answer left standing this long counts as resolved. */
  readonly deflectionQuietMs?: number;
  /** The stores an erasure also reaches besides the surveys. */
  readonly erasure?: Omit<ErasureStores, 'surveys'>;
  /** The deployment's agents (id → name): every one has a row in the per-agent figures. */
  readonly agentNames?: Readonly<Record<string, string>>;
  /** Who handles what now (handoff queue); without agents, GET /api/reports/live answers 404. */
  readonly live?: LiveViewSource;
}

/** Matcher score a missed question's nearest entry needs to make a "new phrasing" suggestion. */
const MIN_ENTRY_SCORE = 0.4;

type Handler = (req: Request, res: Response, query: ReportQuery, surveys: SurveyStore) => Promise<void>;

/** Authentication, the query and the store, then the handler; a store failure is a logged 500. */
function reportRoute(deps: ReportsDeps, handler: Handler) {
  return async (req: Request, res: Response): Promise<void> => {
    if (!guardSupervisor(req, res, deps.supervisor)) return;
    if (!deps.surveys) return sendError(res, 503, 'ReportsDisabled', 'reports disabled: no survey store');
    const parsed = parseReportQuery(req.query, deps.clock());
    if (!parsed.ok) return sendError(res, 400, 'BadArgument', parsed.message);
    res.header('cache-control', 'no-store');
    try {
      await handler(req, res, parsed.query, deps.surveys);
    } catch (error) {
      deps.log.error(`${req.method ?? 'GET'} ${req.path()} failed`, error);
      sendError(res, 500, 'InternalError', 'the report could not be built');
    }
  };
}

const range = (q: ReportQuery) => ({
  from: new Date(q.range.from).toISOString(),
  to: new Date(q.range.to).toISOString(),
});

function sendCsv(res: Response, csv: string, filename: string): void {
  const body = Buffer.from(csv, 'utf8');
  res.writeHead(200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${filename}"`,
    'content-length': body.length,
    'cache-control': 'no-store',
  });
  res.end(body);
}

/**
 * GET /api/reports/summary, /api/reports/agents.csv, /api/reports/live, /api/reports/surveys.csv and /api/reports/kb-suggestions, and
 * DELETE /api/privacy/customers/:customerId (supervisor only).
 */
export function registerReports(server: Server, deps: ReportsDeps): void {
  const agentIds = Object.keys(deps.agentNames ?? {});
  const reportOf = async (q: ReportQuery, surveys: SurveyStore) =>
    buildInsightsReport(await surveys.list(q.range), {
      timeZone: deps.timeZone,
      ...(deps.open ? { open: await deps.open(q.range) } : {}),
      ...(deps.deflectionQuietMs !== undefined ? { quietMs: deps.deflectionQuietMs } : {}),
      agentIds,
    });
  server.get(
    '/api/reports/summary',
    reportRoute(deps, async (_req, res, q, surveys) => {
      const report = await reportOf(q, surveys);
      res.send(200, {
        ...range(q),
        timeZone: deps.timeZone,
        report,
        agentNames: deps.agentNames ?? {},
        // Whether GET /api/reports/live has agents to show (the dashboard polls it only then).
        live: deps.live !== undefined,
      });
    }),
  );
  server.get(
    '/api/reports/agents.csv',
    reportRoute(deps, async (_req, res, q, surveys) => {
      const csv = agentFiguresToCsv((await reportOf(q, surveys)).agents, deps.agentNames, {
        separator: q.separator,
      });
      sendCsv(res, csv, 'agents.csv');
    }),
  );
  server.get('/api/reports/live', async (req: Request, res: Response): Promise<void> => {
    if (!guardSupervisor(req, res, deps.supervisor)) return;
    if (!deps.live)
      return sendError(res, 404, 'NoAgents', 'no agent accounts: there is nothing live to show');
    res.header('cache-control', 'no-store');
    try {
      res.send(200, await deps.live());
    } catch (error) {
      deps.log.error('GET /api/reports/live failed', error);
      sendError(res, 500, 'InternalError', 'the live view could not be read');
    }
  });
  server.get(
    '/api/reports/surveys.csv',
    reportRoute(deps, async (_req, res, q, surveys) => {
      const csv = surveysToCsv(await surveys.list(q.range), { mask: q.mask, separator: q.separator });
      sendCsv(res, csv, 'surveys.csv');
    }),
  );
  server.get(
    '/api/reports/kb-suggestions',
    reportRoute(deps, async (_req, res, q, surveys) => {
      const kb = deps.kb?.();
      const suggestions = await suggestKbImprovements(missedQuestionsOf(await surveys.list(q.range)), {
        nearestEntry: nearestEntryIn(deps.faq),
        // A weak nearest entry is a coincidence of words, not a topic the entry covers.
        minEntryScore: MIN_ENTRY_SCORE,
        ...(kb ? { readings: kbTermReadings(kb) } : {}),
      });
      res.send(200, { ...range(q), suggestions });
    }),
  );
  registerErasure(server, deps);
}
