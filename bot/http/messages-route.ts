import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import type { Request, Response } from 'restify';
import { botFrameworkKey } from '../channels/conversation-key';
import type { ServiceUrlCheck } from '../channels/service-url-policy';
import { checkActivity } from './activity-schema';
import { sendError } from './errors';

/**
 * `POST /api/messages`: the Bot Framework endpoint (Emulator, Azure Bot Service channels). Who may
 * call it: with MicrosoftAppId, a caller with a Bot Framework token for that app (CloudAdapter
 * checks it, 401 otherwise); without, anyone whose serviceUrl the policy allows.
 */
export function messagesRoute(
  adapter: CloudAdapter,
  bot: ActivityHandler,
  serviceUrlAllowed: ServiceUrlCheck,
) {
  return async (req: Request, res: Response): Promise<void> => {
    const checked = checkActivity(req.body);
    if (!checked.ok) return sendError(res, 400, 'BadArgument', checked.problem);
    const { activity } = checked;
    if (!serviceUrlAllowed(activity.serviceUrl))
      return sendError(
        res,
        403,
        'ServiceUrlNotAllowed',
        'activity.serviceUrl is not one this bot sends to: without MicrosoftAppId, only loopback and BOT_SERVICE_URL_ALLOWLIST',
      );
    // From here on the conversation is known by its key in this entry point's namespace; the
    // adapter (bot/channels/channel-cloud-adapter.ts) gives the channel its own id back on the way out.
    req.body = {
      ...activity,
      conversation: {
        ...activity.conversation,
        id: botFrameworkKey({ channelId: activity.channelId, id: activity.conversation.id }),
      },
    };
    await adapter.process(req, res, (context) => bot.run(context));
  };
}
