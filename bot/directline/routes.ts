import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { ActivityTypes, type Activity, type ActivityHandler } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import { sendError } from '../http/errors';
import type { Customer } from '../ports/customer';
import { BOT_ACCOUNT, DIRECT_LINE_CHANNEL, type DirectLineAdapter } from './adapter';
import { incomingActivity } from './incoming';
import type { TurnRunner } from './turn-runner';
import type { DirectLineStore, DirectLineConversation } from './store';
import {
  firstProblem,
  postedActivitySchema,
  startConversationSchema,
  tokenRequestSchema,
  watermarkSchema,
} from './schemas';
import type { DirectLineTokens, TokenClaims } from './tokens';

export interface DirectLineDeps {
  readonly tokens: DirectLineTokens;
  readonly store: DirectLineStore;
  readonly adapter: DirectLineAdapter;
  readonly bot: ActivityHandler;
  /** Signs the customer identity handed to the bot (same secret the bot checks with). */
  readonly tokenSecret: string;
  /** Verifies identities the site's backend sends; without it, identities are refused. */
  readonly identitySecret?: string;
  readonly clock: () => Date;
  /** Web Chat uploads (files for the agent); without it uploads are refused. */
  readonly uploads?: (
    conversation: DirectLineConversation,
    store: DirectLineStore,
    req: Request,
    res: Response,
  ) => Promise<void>;
  /** Runs the turn of each posted customer message under its pending-turn lease. */
  readonly turns: TurnRunner;
  /** Test fault hook: runs once the posted activity is stored, before its turn (e.g. dies). */
  readonly afterStore?: () => Promise<void>;
  /** Wraps a handler so shutdown waits for it. */
  readonly tracked: (
    handler: (req: Request, res: Response) => Promise<void>,
  ) => (req: Request, res: Response) => Promise<void>;
}

const DOMAIN = '/v3/directline';

/**
 * A Direct Line 3.0–compatible endpoint served by Relais itself (no Azure): tokens, conversations,
 * posting and polling activities, as Web Chat's DirectLine client uses them (polling, no WebSocket).
 */
export function registerDirectLine(server: Server, deps: DirectLineDeps): void {
  const { tokens, store, tracked } = deps;

  /** The token's claims, or an error response already sent. */
  const authorize = (req: Request, res: Response): TokenClaims | undefined => {
    const check = tokens.check(req.headers.authorization);
    if (check.ok) return check.claims;
    sendError(res, check.status, check.code, check.message);
    return undefined;
  };

  /** The conversation the token may use, or an error response already sent. */
  const conversationFor = async (
    req: Request,
    res: Response,
  ): Promise<{ claims: TokenClaims; conversation: DirectLineConversation } | undefined> => {
    const claims = authorize(req, res);
    if (!claims) return undefined;
    const id = String(req.params.conversationId ?? '');
    const conversation = await store.getConversation(id);
    if (!conversation) {
      sendError(res, 404, 'NotFound', `conversation "${id}" does not exist`);
      return undefined;
    }
    if (claims.conversationId !== id) {
      sendError(res, 401, 'TokenInvalid', 'the token is not valid for this conversation');
      return undefined;
    }
    return { claims, conversation };
  };

  const conversationToken = (conversation: DirectLineConversation) =>
    tokens.issue({
      userId: conversation.userId,
      conversationId: conversation.id,
      ...(conversation.userName ? { userName: conversation.userName } : {}),
      ...(conversation.customer ? { customer: conversation.customer } : {}),
    });

  const runTurn = async (
    conversation: DirectLineConversation,
    activity: Partial<Activity>,
  ): Promise<void> => {
    await deps.adapter.processActivity(
      incomingActivity(conversation, activity, deps.tokenSecret),
      (context) => deps.bot.run(context),
    );
  };

  // The page's backend-facing route: in production it sits behind the site's own login.
  server.post(
    '/api/directline/token',
    tracked(async (req, res) => {
      const parsed = tokenRequestSchema.safeParse(req.body ?? {});
      if (!parsed.success) return sendError(res, 400, 'BadArgument', firstProblem(parsed.error));
      const { user, customer, signature, locale } = parsed.data;
      let verified: Customer | undefined;
      if (customer && signature) {
        if (!deps.identitySecret)
          return sendError(
            res,
            400,
            'BadArgument',
            'customer identities are not accepted: IDENTITY_SECRET is not configured',
          );
        const raw = JSON.stringify((req.body as { customer: unknown }).customer);
        const expected = createHmac('sha256', deps.identitySecret).update(raw).digest();
        if (!timingSafeEqual(expected, Buffer.from(signature, 'hex')))
          return sendError(res, 401, 'IdentityInvalid', 'the customer identity signature is not valid');
        verified = customer;
      }
      // Web Chat replaces user ids starting with "dl_"; random ids are per visitor.
      const userId = verified
        ? `c_${verified.id}`
        : user?.id && !user.id.startsWith('dl_')
          ? user.id
          : `u_${randomBytes(9).toString('base64url')}`;
      const userName = verified?.name ?? user?.name;
      res.send(200, {
        ...tokens.issue({
          userId,
          ...(userName ? { userName } : {}),
          ...(locale ? { locale } : {}),
          ...(verified ? { customer: verified } : {}),
        }),
        userId,
      });
    }),
  );

  server.post(
    `${DOMAIN}/tokens/refresh`,
    tracked(async (req, res) => {
      const claims = authorize(req, res);
      if (!claims) return;
      const { exp: _exp, ...rest } = claims;
      res.send(200, {
        ...tokens.issue(rest),
        ...(claims.conversationId ? { conversationId: claims.conversationId } : {}),
      });
    }),
  );

  server.post(
    `${DOMAIN}/conversations`,
    tracked(async (req, res) => {
      const claims = authorize(req, res);
      if (!claims) return;
      const parsed = startConversationSchema.safeParse(req.body ?? {});
      if (!parsed.success) return sendError(res, 400, 'BadArgument', firstProblem(parsed.error));
      // A token already bound to a conversation resumes it (what Azure Direct Line does too).
      if (claims.conversationId) {
        const existing = await store.getConversation(claims.conversationId);
        if (existing)
          return void res.send(200, {
            conversationId: existing.id,
            ...conversationToken(existing),
            referenceGrammarId: randomUUID(),
          });
      }
      const conversation: DirectLineConversation = {
        id: randomBytes(16).toString('base64url'),
        userId: claims.userId,
        ...(claims.userName ? { userName: claims.userName } : {}),
        ...(claims.customer ? { customer: claims.customer } : {}),
        ...((parsed.data.locale ?? claims.locale) ? { locale: parsed.data.locale ?? claims.locale } : {}),
        createdAt: deps.clock().toISOString(),
      };
      await store.createConversation(conversation);
      await runTurn(conversation, {
        type: ActivityTypes.ConversationUpdate,
        id: randomUUID(),
        timestamp: deps.clock(),
        from: { id: conversation.userId, name: conversation.userName ?? '', role: 'user' },
        membersAdded: [{ id: conversation.userId, name: conversation.userName ?? '' }],
      });
      res.send(201, {
        conversationId: conversation.id,
        ...conversationToken(conversation),
        referenceGrammarId: randomUUID(),
      });
    }),
  );

  server.get(
    `${DOMAIN}/conversations/:conversationId`,
    tracked(async (req, res) => {
      const found = await conversationFor(req, res);
      if (!found) return;
      res.send(200, { conversationId: found.conversation.id, ...conversationToken(found.conversation) });
    }),
  );

  server.post(
    `${DOMAIN}/conversations/:conversationId/activities`,
    tracked(async (req, res) => {
      const found = await conversationFor(req, res);
      if (!found) return;
      const parsed = postedActivitySchema.safeParse(req.body);
      if (!parsed.success)
        return sendError(
          res,
          400,
          'BadArgument',
          typeof req.body === 'object' && req.body !== null
            ? firstProblem(parsed.error)
            : 'the body must be a JSON activity object',
        );
      const { conversation } = found;
      const posted = parsed.data;
      const clientActivityId = posted.channelData?.clientActivityID;
      // The echo carries the client's own activity back (with clientActivityID) so Web Chat marks it sent.
      const echo: Partial<Activity> = {
        ...(posted as Partial<Activity>),
        channelId: DIRECT_LINE_CHANNEL,
        conversation: { id: conversation.id, isGroup: false, conversationType: 'personal', name: '' },
        from: {
          id: conversation.userId,
          name: posted.from?.name ?? conversation.userName ?? '',
          role: 'user',
        },
        recipient: { ...BOT_ACCOUNT },
        timestamp: deps.clock(),
      };
      // A message is recorded as pending with the append itself: if this process dies before the
      // turn completes, the lease lapses and another run (a retry, recovery) answers it.
      const pends = posted.type === ActivityTypes.Message;
      const { activity, duplicate } = await store.append(
        conversation.id,
        echo,
        clientActivityId,
        pends ? deps.turns.lease : undefined,
      );
      if (!duplicate) {
        await deps.afterStore?.();
        if (pends) await deps.turns.run(conversation, activity, 1);
        else await runTurn(conversation, activity);
      } else if (pends) {
        // A retried POST (same clientActivityID) gets the first id back; it runs the turn only if
        // that one was stored but never answered and nobody is answering it now.
        const claim = await store.pending.claim(activity.id, deps.turns.lease);
        if (claim.outcome === 'claimed') await deps.turns.run(conversation, activity, claim.attempt);
      }
      res.send(200, { id: activity.id });
    }),
  );

  server.get(
    `${DOMAIN}/conversations/:conversationId/activities`,
    tracked(async (req, res) => {
      const found = await conversationFor(req, res);
      if (!found) return;
      const watermark = watermarkSchema.safeParse(
        (req.query as Record<string, unknown> | undefined)?.watermark,
      );
      if (!watermark.success) return sendError(res, 400, 'BadArgument', firstProblem(watermark.error));
      const page = await store.activitiesSince(found.conversation.id, watermark.data ?? 0);
      res.send(200, { activities: page.activities.map(forClient), watermark: String(page.watermark) });
    }),
  );

  server.post(
    `${DOMAIN}/conversations/:conversationId/upload`,
    tracked(async (req, res) => {
      const found = await conversationFor(req, res);
      if (!found) return;
      if (!deps.uploads) return sendError(res, 400, 'NotSupported', 'file uploads are not enabled');
      await deps.uploads(found.conversation, store, req, res);
    }),
  );
}

/** What a client sees: no server-side plumbing. */
function forClient(activity: Partial<Activity>): Partial<Activity> {
  const { serviceUrl: _serviceUrl, ...visible } = activity;
  return visible;
}
