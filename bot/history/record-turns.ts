import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import { toLocale } from '../../knowledge-base/index';
import type { HistoryRecorder } from './history-recorder';
import type { NewHistoryLine } from './history-store';

/**
 * Adapter middleware (both channels): every customer message and every message the bot sends,
 * in the customer's turns and in proactive ones, goes to the history; the turn runs inside the
 * recorder's scope so the FAQ's decisions land between the two. Agent messages are logged by the
 * relay store's decorator (with the agent) and skipped here.
 */
export function recordTurns(recorder: HistoryRecorder, now: () => number): Middleware {
  return {
    onTurn: async (context: TurnContext, next: () => Promise<void>) => {
      const activity = context.activity;
      const conversationId = activity.conversation?.id;
      if (!conversationId) return next();
      const text = (activity.text ?? '').trim();
      if (activity.type === ActivityTypes.Message && activity.from?.role !== 'bot' && text !== '')
        await recorder.record(conversationId, [{ kind: 'message', from: 'customer', text, at: now() }], {
          ...(activity.channelId ? { channel: activity.channelId } : {}),
        });
      context.onSendActivities(async (_ctx, activities, send) => {
        const sent = await send();
        const lines: NewHistoryLine[] = [];
        let language = undefined as ReturnType<typeof toLocale>;
        for (const a of activities) {
          if (a.type !== ActivityTypes.Message || !a.text) continue;
          if (recorder.takeAgentSend(conversationId, a.text)) continue;
          lines.push({ kind: 'message', from: 'bot', text: a.text, at: now() });
          language ??= toLocale(a.locale);
        }
        await recorder.record(conversationId, lines, language ? { language } : {});
        return sent;
      });
      await recorder.inTurn(conversationId, next);
    },
  };
}
