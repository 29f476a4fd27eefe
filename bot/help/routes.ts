import type { Request, Response, Server } from 'restify';
import type { z } from 'zod';
import type { Locale } from '../../knowledge-base/index';
import type { SurveyAnswerInput, SurveyStore } from '../../insights/index';
import { listsEntries, type FaqPort } from '../conversation/deps';
import { sendError } from '../http/errors';
import { chatPage } from '../http/page-security';
import type { Log } from '../log';
import { listedEntries, listedEntry } from './catalogue';
import { fileRoute, helpFiles } from './files';
import { HELP_ROOTS } from './languages';
import { registerLexicalSearch } from './lexical-search';
import { helpPage } from './page';
import { feedbackRecord, unansweredRecord } from './records';
import { feedbackSchema, issuesOf, unansweredSchema } from './schemas';

export interface HelpCenterDeps {
  /** The KB the bot answers from (the reloadable holder: a reload shows at the next page). */
  readonly faq: FaqPort;
  /** Where votes and unanswered searches are recorded for the reports; absent, they answer 503. */
  readonly surveys?: SurveyStore;
  readonly clock: () => Date;
  readonly log: Log;
  readonly webRoot: string | undefined;
  /** Sites that may frame the pages (WIDGET_ORIGINS), as for the chat page. */
  readonly widgetOrigins: readonly string[];
}

/**
 * The help center, for anyone (public, no credential, like the chat page):
 * GET /aide, /help, /aide/<entry-id>, /help/<entry-id> and their files under /help-center/;
 * GET /api/help/search (bot/help/lexical-search.ts); POST /api/help/feedback and
 * /api/help/unanswered (all three rate-limited per IP: bot/security/rate-limits.ts).
 */
export function registerHelpCenter(server: Server, deps: HelpCenterDeps): void {
  const headers = chatPage(deps.widgetOrigins);
  const faq = deps.faq;
  const sendPage = (res: Response, html: string) => {
    const body = Buffer.from(html);
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-length': body.length,
      'cache-control': 'no-cache',
      ...headers,
    });
    res.end(body);
  };
  for (const [lang, root] of Object.entries(HELP_ROOTS) as [Locale, string][]) {
    server.get(root, async (_req: Request, res: Response) => {
      const entries = listsEntries(faq) ? listedEntries(faq, lang) : [];
      if (entries.length === 0) return sendError(res, 404, 'NotFound', 'no help center in this language');
      sendPage(res, helpPage(lang, entries));
    });
    server.get(`${root}/:entryId`, async (req: Request, res: Response) => {
      const id = String((req.params as Record<string, unknown>).entryId ?? '');
      const entry = listsEntries(faq) ? listedEntry(faq, id, lang) : undefined;
      if (!entry || !listsEntries(faq)) return sendError(res, 404, 'NotFound', 'no such help entry');
      sendPage(res, helpPage(lang, listedEntries(faq, lang), entry.id));
    });
  }
  for (const file of helpFiles(deps.webRoot)) server.get(file.path, fileRoute(file, headers));
  registerLexicalSearch(server, faq);

  server.post(
    '/api/help/feedback',
    recordRoute(deps, feedbackSchema, (feedback, now) => {
      const known = listsEntries(faq) && listedEntry(faq, feedback.entryId, feedback.lang);
      return known ? feedbackRecord(feedback, now) : undefined;
    }),
  );
  server.post(
    '/api/help/unanswered',
    recordRoute(deps, unansweredSchema, (search, now) => unansweredRecord(search, now)),
  );
}

/** Checks the body, records what it says, 204; 400 names the bad field, 404 an entry not listed. */
function recordRoute<S extends z.ZodType>(
  deps: HelpCenterDeps,
  schema: S,
  recordOf: (body: z.output<S>, now: number) => SurveyAnswerInput | undefined,
) {
  return async (req: Request, res: Response): Promise<void> => {
    const parsed = schema.safeParse(req.body);
    if (!parsed.success) return sendError(res, 400, 'BadRequest', issuesOf(parsed.error));
    const record = recordOf(parsed.data, deps.clock().getTime());
    if (!record) return sendError(res, 404, 'NotFound', 'no such help entry');
    if (!deps.surveys) return sendError(res, 503, 'ReportsDisabled', 'nothing is recorded: no survey store');
    const stored = await deps.surveys.record(record);
    if (!stored.ok) {
      deps.log.error('help center record refused by the survey store', stored);
      return sendError(res, 500, 'NotRecorded', 'the record was refused');
    }
    res.send(204);
  };
}
