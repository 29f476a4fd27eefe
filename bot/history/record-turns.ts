import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import { toLocale } from '../../knowledge-base/index';
import { agentSendOf } from '../agent/agent-send';
import type { HistoryRecorder } from './history-recorder';
import type { NewHistoryLine } from './history-store';

/**
 * Adapter middleware (both channels): every customer message and every message the bot sends,
 * in the customer's turns and in proactive ones, goes to the history; the turn runs inside the
 * recorder's scope so the FAQ's decisions land between the two. An agent's message is known by its
 * turn's mark (CustomerRelay): one in the relay log is recorded by the relay log's decorator and
 * skipped here; one only said (the closing words) is recorded here without the channel's name prefix,
 * as a bot line in the agent's name: the words are Relais's template, not indexed for search.
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
      context.onSendActivities(async (ctx, activities, send) => {
        const sent = await send();
        const agentSend = agentSendOf(ctx);
        const lines: NewHistoryLine[] = [];
        let language = undefined as ReturnType<typeof toLocale>;
        for (const a of activities) {
          if (a.type !== ActivityTypes.Message || !a.text) continue;
          language ??= toLocale(a.locale);
          if (!agentSend) lines.push({ kind: 'message', from: 'bot', text: a.text, at: now() });
          else if (!agentSend.logged)
            lines.push({
              kind: 'message',
              from: 'bot',
              text: agentSend.text,
              at: now(),
              agentId: agentSend.agentId,
            });
        }
        await recorder.record(conversationId, lines, language ? { language } : {});
        return sent;
      });
      await recorder.inTurn(conversationId, next);
    },
  };
}
