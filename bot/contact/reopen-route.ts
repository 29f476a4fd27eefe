import type { Server } from 'restify';
import { z } from 'zod';
import { sendError } from '../http/errors';
import type { DirectLineStore } from '../directline/store';
import type { DirectLineTokens } from '../directline/tokens';
import type { DirectLineDeps } from '../directline/routes';
import type { ReopenTokens } from './reopen-token';

export const REOPEN_ROUTE = '/api/directline/reprise';

const bodySchema = z.strictObject({ token: z.string().min(1).max(600) });

export interface ReopenRouteDeps {
  readonly links: ReopenTokens;
  readonly store: DirectLineStore;
  readonly tokens: DirectLineTokens;
  readonly tracked: DirectLineDeps['tracked'];
}

/**
 * POST /api/directline/reprise `{ token }`: anyone holding a valid reopen link (the ticket answer's
 * e-mail) gets a Direct Line token bound to that link's conversation, and nothing else: the chat
 * page then resumes it with its history. Expired → 410, tampered or unknown → 401, a conversation
 * the server no longer keeps → 404; the page starts a new conversation and says why.
 */
export function registerReopenRoute(server: Server, deps: ReopenRouteDeps): void {
  server.post(
    REOPEN_ROUTE,
    deps.tracked(async (req, res) => {
      const body = bodySchema.safeParse(req.body ?? {});
      if (!body.success)
        return sendError(
          res,
          400,
          'BadArgument',
          'the body must be { "token": "<the link\'s reprise value>" }',
        );
      const read = deps.links.read(body.data.token);
      if (!read.ok)
        return read.problem === 'expired'
          ? sendError(res, 410, 'LinkExpired', 'this link has expired: start a new conversation')
          : sendError(res, 401, 'LinkInvalid', 'this link is not valid');
      const conversation = await deps.store.getConversation(read.conversationId);
      if (!conversation)
        return sendError(
          res,
          404,
          'ConversationGone',
          'this conversation is no longer kept: start a new one',
        );
      res.send(200, {
        conversationId: conversation.id,
        ...deps.tokens.issue({
          userId: conversation.userId,
          conversationId: conversation.id,
          ...(conversation.userName ? { userName: conversation.userName } : {}),
          ...(conversation.customer ? { customer: conversation.customer } : {}),
        }),
        userId: conversation.userId,
        ...(conversation.locale ? { locale: conversation.locale } : {}),
      });
    }),
  );
}
