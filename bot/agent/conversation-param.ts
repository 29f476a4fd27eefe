import type { Request, Response } from 'restify';
import { sendError } from '../http/errors';
import { conversationIdSchema } from './schemas';

/** The `:id` of a conversation route, or undefined after answering 400 (one message for every route). */
export function conversationIdParam(req: Request, res: Response): string | undefined {
  const parsed = conversationIdSchema.safeParse((req.params as Record<string, unknown> | undefined)?.id);
  if (parsed.success) return parsed.data;
  sendError(res, 400, 'BadRequest', 'conversation id: missing, too long, or with whitespace or braces');
  return undefined;
}
