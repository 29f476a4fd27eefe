import { z } from 'zod';
import { LOCALES } from '../../knowledge-base/index';

/** The longest search text kept (the chat's ?ask= is capped the same in web/help/chat-link.js). */
export const MAX_SEARCH_TEXT = 300;

const entryId = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,79}$/, 'not an entry id');

/** POST /api/help/feedback: "was this helpful?" on one entry page. */
export const feedbackSchema = z.strictObject({
  entryId,
  lang: z.enum(LOCALES),
  helpful: z.boolean(),
});

/** POST /api/help/unanswered: a search that ended with no result, or with "none of these". */
export const unansweredSchema = z.strictObject({
  text: z.string().trim().min(1, 'text must not be empty').max(MAX_SEARCH_TEXT),
  lang: z.enum(LOCALES),
});

export type Feedback = z.output<typeof feedbackSchema>;
export type UnansweredSearch = z.output<typeof unansweredSchema>;

/** Zod's issues as one readable line, naming each path. */
export const issuesOf = (error: z.ZodError): string =>
  error.issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : 'body'}: ${i.message}`).join('; ');

/** GET /api/help/search?q=&lang=: what the customer has typed so far. */
export const searchQuerySchema = z.strictObject({
  q: z.string().trim().min(1, 'q must not be empty').max(MAX_SEARCH_TEXT),
  lang: z.enum(LOCALES),
});
