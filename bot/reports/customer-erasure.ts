import type { Storage } from 'botbuilder';
import type { HandoffQueue } from '../../handoff/index';
import type { SurveyStore } from '../../insights/index';
import type { RelayLog } from '../agent/relay-log';
import type { UploadStore } from '../agent/upload-store';
import type { DirectLineStore } from '../directline/store';
import type { HistoryStore } from '../history/history-store';
import type { EmailLinks } from '../privacy/email-links';
import {
  byConversationId,
  sameConversation,
  type CustomerConversation,
  type CustomerConversations,
} from '../privacy/customer-conversations';

/** Every store that may hold something about a customer; absent ones are skipped. */
export interface ErasureStores {
  readonly surveys: SurveyStore;
  /** The bot's conversation state (transcript the bot keeps, survey trail). */
  readonly storage?: Pick<Storage, 'read' | 'delete'>;
  readonly directLine?: Pick<DirectLineStore, 'deleteConversation'>;
  /** Lines relayed between the customer and agents. */
  readonly relay?: Pick<RelayLog, 'erase'>;
  /** Files the customer sent to agents. */
  readonly uploads?: Pick<UploadStore, 'eraseConversation'>;
  /** Handoff records: transcript, contact, context. */
  readonly queue?: Pick<HandoffQueue, 'forget'>;
  /** Every conversation of each signed customer, survey or not (the main index of an erasure). */
  readonly customers?: Pick<CustomerConversations, 'conversationsOf' | 'remove'>;
  /** The searchable history of past conversations and its indexes. */
  readonly history?: Pick<HistoryStore, 'erase'>;
  /** E-mail address (hashed) → conversations: the profile's link for anonymous visitors. */
  readonly emailLinks?: Pick<EmailLinks, 'forgetConversation'>;
}

export interface ErasureReport {
  readonly customerId: string;
  /** The customer's conversations: those of the customer index and of the survey store, once each. */
  readonly conversations: number;
  readonly surveysErased: number;
  readonly conversationStatesErased: number;
  readonly directLineActivitiesErased: number;
  readonly relayLinesErased: number;
  readonly uploadsErased: number;
  readonly handoffRecordsErased: number;
  readonly historyLinesErased: number;
  /** Conversations still with people (queued, with an agent, open ticket): their handoff record is kept. */
  readonly keptLive: readonly string[];
}

/** botbuilder's ConversationState key (getStorageKey: channel/conversations/id/namespace, namespace ''). */
const stateKey = (channel: string, conversationId: string): string =>
  `${channel}/conversations/${conversationId}/`;

/** What was deleted of one conversation outside the survey store. */
export interface ConversationTraces {
  readonly state: number;
  readonly activities: number;
  readonly lines: number;
  readonly uploads: number;
  readonly record: number;
  readonly history: number;
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
  const history = stores.history ? await stores.history.erase(conversationId) : 0;
  await stores.emailLinks?.forgetConversation(conversationId);
  return {
    state,
    activities,
    lines,
    uploads,
    record: forgot?.ok && forgot.forgotten ? 1 : 0,
    history,
    live: forgot !== undefined && !forgot.ok,
  };
}

/**
 * Erases everything about one customer (GDPR right to erasure). The customer index (every
 * conversation the customer was identified in) and the survey store together list the customer's
 * conversations, whose traces are deleted from every other store first; the surveys and the index
 * entries go last, so a run that fails half-way can be run again and finds the same conversations.
 * A conversation still with people keeps its handoff record and its index entry: it is reported in
 * `keptLive`, and the next run (once it closed) finds it again.
 */
export async function eraseCustomerData(stores: ErasureStores, customerId: string): Promise<ErasureReport> {
  const conversations = await conversationsOf(stores, customerId);
  let states = 0;
  let activities = 0;
  let lines = 0;
  let uploads = 0;
  let records = 0;
  let historyLines = 0;
  const keptLive: string[] = [];
  const erasedConversations: CustomerConversation[] = [];
  for (const conversation of conversations) {
    const traces = await eraseConversationTraces(stores, conversation);
    states += traces.state;
    activities += traces.activities;
    lines += traces.lines;
    uploads += traces.uploads;
    records += traces.record;
    historyLines += traces.history;
    if (traces.live) keptLive.push(conversation.conversationId);
    else erasedConversations.push(conversation);
  }
  const { erased } = await stores.surveys.eraseCustomer(customerId);
  await stores.customers?.remove(customerId, erasedConversations);
  return {
    customerId,
    conversations: conversations.length,
    surveysErased: erased,
    conversationStatesErased: states,
    directLineActivitiesErased: activities,
    relayLinesErased: lines,
    uploadsErased: uploads,
    handoffRecordsErased: records,
    historyLinesErased: historyLines,
    keptLive,
  };
}

/** The customer's conversations from the index and the survey store, each once, in id order. */
async function conversationsOf(
  stores: ErasureStores,
  customerId: string,
): Promise<readonly CustomerConversation[]> {
  const indexed = stores.customers ? await stores.customers.conversationsOf(customerId) : [];
  const surveyed = await stores.surveys.conversationsOf(customerId);
  const all: CustomerConversation[] = [];
  for (const c of [...indexed, ...surveyed])
    if (!all.some((known) => sameConversation(known, c)))
      all.push({ conversationId: c.conversationId, channel: c.channel });
  return all.sort(byConversationId);
}
