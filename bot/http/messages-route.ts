import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import type { Request, Response } from 'restify';
import { describeActivityProblem } from './activity-schema';
import { sendError } from './errors';

/** `POST /api/messages`: the Bot Framework endpoint (Emulator, Azure Bot Service channels). */
export function messagesRoute(adapter: CloudAdapter, bot: ActivityHandler) {
  return async (req: Request, res: Response): Promise<void> => {
    const problem = describeActivityProblem(req.body);
    if (problem) return sendError(res, 400, 'BadArgument', problem);
    await adapter.process(req, res, (context) => bot.run(context));
  };
}
