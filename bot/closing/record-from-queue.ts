import type { ConversationRecord } from '../../handoff/index';
import type { ConversationPath, SurveyStore } from '../../insights/index';
import { toLocale, type Locale } from '../../knowledge-base/index';
import type { Log } from '../log';
import { agentTimesFields, type CloseInfo } from './close-info';

/** What the queue knows that a proactive turn does not: the customer the site vouched for. */
export function knownCustomer(record: ConversationRecord): Pick<CloseInfo, 'customerId'> {
  const customer = record.context.customer;
  const id =
    typeof customer === 'object' && customer !== null ? (customer as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id !== '' ? { customerId: id } : {};
}

/**
 * The record the queue alone allows, unless the conversation is already recorded: when no turn in
 * the customer's conversation was possible (no stored reference, a channel that refuses).
 */
export async function recordFromQueue(
  deps: { readonly surveys: SurveyStore; readonly clock: () => Date; readonly log: Log },
  defaultLocale: Locale,
  record: ConversationRecord,
  close: CloseInfo,
): Promise<void> {
  const { surveys, clock, log } = deps;
  try {
    if (await surveys.get(record.id)) return;
    const now = clock().getTime();
    const firstLine = record.transcript[0]?.at ?? record.escalatedAt ?? now;
    const context = record.context;
    const lastMessage = typeof context.lastMessage === 'string' ? context.lastMessage.trim() : '';
    const channel =
      typeof context.channelId === 'string' && context.channelId !== '' ? context.channelId : 'unknown';
    const result = await surveys.record({
      context: {
        conversationId: record.id,
        ...(close.customerId ? { customerId: close.customerId } : {}),
        path: close.path ?? pathOfRecord(record),
        ...(close.outcome ? { outcome: close.outcome } : {}),
        language: toLocale(record.language) ?? defaultLocale,
        channel: channel.slice(0, 64),
        ...(close.agentId ? { agentId: close.agentId } : {}),
        ...(close.waitMs !== undefined ? { waitMs: Math.max(0, Math.round(close.waitMs)) } : {}),
        ...agentTimesFields(close.agentTimes),
        ...(record.reason ? { escalationReason: record.reason } : {}),
        missedQuestions: lastMessage ? [lastMessage.slice(0, 1000)] : [],
        startedAt: Math.min(firstLine, now),
        closedAt: now,
      },
      recordedAt: now,
    });
    if (!result.ok && result.reason === 'invalid')
      log.error(`conversation ${record.id}: record refused`, result.issues);
  } catch (error) {
    log.error(`conversation ${record.id}: not recorded`, error);
  }
}

function pathOfRecord(record: ConversationRecord): ConversationPath {
  if (record.ticket) return 'ticket';
  return record.escalatedAt !== undefined ? 'escalated' : 'bot-only';
}
