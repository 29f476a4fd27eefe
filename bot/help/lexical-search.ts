import type { Request, Response, Server } from 'restify';
import type { Decision, Locale, MatchOptions } from '../../knowledge-base/index';
import { listsEntries, type FaqPort } from '../conversation/deps';
import { sendError } from '../http/errors';
import { listedEntries } from './catalogue';
import { issuesOf, searchQuerySchema } from './schemas';

/** At most this many suggestions (the page shows five). */
const MAX_SUGGESTIONS = 5;

/** A KB that can decide on lexical evidence alone (the Faq and its reloadable holder). */
type LexicalFaq = FaqPort & { matchLexical(text: string, options?: MatchOptions): Decision };

const matchesLexically = (faq: FaqPort): faq is LexicalFaq =>
  typeof (faq as Partial<LexicalFaq>).matchLexical === 'function';

/**
 * GET /api/help/search?q=&lang=, for anyone (public like the help pages; rate-limited per IP in
 * bot/security/rate-limits.ts): the ids of the listed entries the chat's lexical matcher ranks
 * first for what is typed. Never the sentence encoder: the page asks at each pause in typing, and
 * merges these with its own fuse.js suggestions (docs/help-center.md has the measured gain).
 */
export function registerLexicalSearch(server: Server, faq: FaqPort): void {
  server.get('/api/help/search', async (req: Request, res: Response) => {
    const parsed = searchQuerySchema.safeParse(req.query ?? {});
    if (!parsed.success) return sendError(res, 400, 'BadRequest', issuesOf(parsed.error));
    if (!matchesLexically(faq) || !listsEntries(faq))
      return sendError(res, 404, 'NotFound', 'no lexical search on this knowledge base');
    const lang: Locale = parsed.data.lang;
    const listed = new Set(listedEntries(faq, lang).map((e) => e.id));
    const decision = faq.matchLexical(parsed.data.q, { locale: lang });
    const ids = decision.candidates
      .map((c) => c.id)
      .filter((id) => listed.has(id))
      .slice(0, MAX_SUGGESTIONS);
    res.send(200, { ids });
  });
}
