import type { Storage } from 'botbuilder';
import type { HandoffQueue } from '../../handoff/index';
import type { SurveyStore } from '../../insights/index';
import type { RelayStore } from '../agent/relay-store';
import type { UploadStore } from '../agent/upload-store';
import type { DirectLineStore } from '../directline/store';

/** Every store that may hold something about a customer; absent ones are skipped. */
export interface ErasureStores {
  readonly surveys: SurveyStore;
  /** The bot's conversation state (transcript the bot keeps, survey trail). */
  readonly storage?: Pick<Storage, 'read' | 'delete'>;
  readonly directLine?: Pick<DirectLineStore, 'deleteConversation'>;
  /** Lines relayed between the customer and agents. */
  readonly relay?: Pick<RelayStore, 'erase'>;
  /** Files the customer sent to agents. */
  readonly uploads?: Pick<UploadStore, 'eraseConversation'>;
  /** Handoff records: transcript, contact, context. */
  readonly queue?: Pick<HandoffQueue, 'forget'>;
}

export interface ErasureReport {
  readonly customerId: string;
  /** The customer's conversations the survey store knew (the index erasure goes by). */
  readonly conversations: number;
  readonly surveysErased: number;
  readonly conversationStatesErased: number;
  readonly directLineActivitiesErased: number;
  readonly relayLinesErased: number;
  readonly uploadsErased: number;
  readonly handoffRecordsErased: number;
  /** Conversations still with people (queued, with an agent, open ticket): their handoff record is kept. */
  readonly keptLive: readonly string[];
}

/** botbuilder's ConversationState key (getStorageKey: channel/conversations/id/namespace, namespace ''). */
const stateKey = (channel: string, conversationId: string): string =>
  `${channel}/conversations/${conversationId}/`;

/**
 * Erases everything about one customer (GDPR right to erasure). The survey store is the index: it
 * lists the customer's conversations, whose traces are deleted from every other store first; the
 * surveys go last, so a run that fails half-way can be run again and finds the same conversations.
 * Conversations of an identified customer that never closed are not in the index (they expire with
 * their store's TTL).
 */
/** What was deleted of one conversation outside the survey store. */
export interface ConversationTraces {
  readonly state: number;
  readonly activities: number;
  readonly lines: number;
  readonly uploads: number;
  readonly record: number;
  /** Still with people: its handoff record was kept. */
  readonly live: boolean;
}

/**
 * Deletes one conversation's transcripts from every store given: bot state, Direct Line log,
 * relayed lines, handoff record (kept while queued, with an agent or an open ticket). Used by the
 * erasure of a customer and by the retention purge.
 */
export async function eraseConversationTraces(
  stores: Omit<ErasureStores, 'surveys'>,
  conversation: { readonly conversationId: string; readonly channel: string },
): Promise<ConversationTraces> {
  const { conversationId, channel } = conversation;
  let state = 0;
  if (stores.storage) {
    const key = stateKey(channel, conversationId);
    const found = await stores.storage.read([key]);
    if (found[key] !== undefined) {
      await stores.storage.delete([key]);
      state = 1;
    }
  }
  const activities = stores.directLine ? await stores.directLine.deleteConversation(conversationId) : 0;
  const lines = stores.relay ? await stores.relay.erase(conversationId) : 0;
  const uploads = stores.uploads ? await stores.uploads.eraseConversation(conversationId) : 0;
  const forgot = stores.queue ? await stores.queue.forget(conversationId) : undefined;
  return {
    state,
    activities,
    lines,
    uploads,
    record: forgot?.ok && forgot.forgotten ? 1 : 0,
    live: forgot !== undefined && !forgot.ok,
  };
}

export async function eraseCustomerData(stores: ErasureStores, customerId: string): Promise<ErasureReport> {
  const conversations = await stores.surveys.conversationsOf(customerId);
  let states = 0;
  let activities = 0;
  let lines = 0;
  let uploads = 0;
  let records = 0;
  const keptLive: string[] = [];
  for (const conversation of conversations) {
    const traces = await eraseConversationTraces(stores, conversation);
    states += traces.state;
    activities += traces.activities;
    lines += traces.lines;
    uploads += traces.uploads;
    records += traces.record;
    if (traces.live) keptLive.push(conversation.conversationId);
  }
  const { erased } = await stores.surveys.eraseCustomer(customerId);
  return {
    customerId,
    conversations: conversations.length,
    surveysErased: erased,
    conversationStatesErased: states,
    directLineActivitiesErased: activities,
    relayLinesErased: lines,
    uploadsErased: uploads,
    handoffRecordsErased: records,
    keptLive,
  };
}
