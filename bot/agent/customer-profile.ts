import type { ConversationRecord } from '../../handoff/index';
import type { HistoryStore, HistorySummary } from '../history/history-store';
import { customerSchema } from '../ports/customer';
import type { CustomerConversations } from '../privacy/customer-conversations';
import type { EmailLinks } from '../privacy/email-links';

/** Most previous conversations a profile lists (newest first). */
export const PROFILE_PREVIOUS_LIMIT = 20;

export interface ProfileSources {
  readonly history: Pick<HistoryStore, 'get'>;
  readonly customers: Pick<CustomerConversations, 'conversationsOf'>;
  readonly emailLinks: Pick<EmailLinks, 'conversationsOf'>;
  /** An agent's full name by id (the account manager is shown by name, not by login). */
  readonly agentName: (agentId: string) => string | undefined;
}

/** One earlier conversation of the customer, as the history facets tell it. */
export type PreviousConversation = Omit<HistorySummary, 'agents' | 'lineCount'>;

export interface CustomerProfile {
  readonly conversationId: string;
  /** Signed by the site (IDENTITY_SECRET): the name, e-mail and segment come from it. */
  readonly identified: boolean;
  readonly customerId?: string;
  readonly name?: string;
  /** The signed identity's address, else the one the customer left (ticket, chat). */
  readonly email?: string;
  readonly segment: {
    readonly vip: boolean;
    readonly b2b: boolean;
    /** B2B: the account's own manager, when the escalation named one. */
    readonly accountManagerId?: string;
    /** That manager's name when they are an agent of this deployment. */
    readonly accountManagerName?: string;
  };
  /** How the previous conversations were found: the signed identity, the e-mail, or not at all. */
  readonly linkedBy: 'identity' | 'email' | 'none';
  readonly previous: readonly PreviousConversation[];
}

/**
 * The profile panel beside a conversation. It reads only indexes and keyed records: the handoff
 * record (identity, contact), the customer index or the e-mail links, then each conversation's
 * history summary. A conversation gone from the history (erased, expired) is left out.
 */
export async function customerProfile(
  sources: ProfileSources,
  record: ConversationRecord,
): Promise<CustomerProfile> {
  const signed = customerSchema.safeParse(record.context.customer);
  const customer = signed.success ? signed.data : undefined;
  const email = customer?.email ?? record.contact.email;
  const ids = customer
    ? (await sources.customers.conversationsOf(customer.id)).map((c) => c.conversationId)
    : email
      ? await sources.emailLinks.conversationsOf(email)
      : [];
  const others = [...new Set(ids)].filter((id) => id !== record.id);
  const found = await Promise.all(others.map((id) => sources.history.get(id)));
  const previous = found
    .flatMap((c) => (c ? [summaryOf(c)] : []))
    .sort((a, b) => b.startedAt - a.startedAt || (a.conversationId < b.conversationId ? 1 : -1))
    .slice(0, PROFILE_PREVIOUS_LIMIT);
  const accountManagerId = record.accountManagerId;
  const accountManagerName = accountManagerId ? sources.agentName(accountManagerId) : undefined;
  return {
    conversationId: record.id,
    identified: customer !== undefined,
    ...(customer ? { customerId: customer.id } : {}),
    ...(customer?.name ? { name: customer.name } : record.contact.name ? { name: record.contact.name } : {}),
    ...(email ? { email } : {}),
    segment: {
      vip: customer?.vip ?? record.priority === 'vip',
      b2b: customer?.b2b ?? record.priority === 'b2b',
      ...(accountManagerId ? { accountManagerId } : {}),
      ...(accountManagerName ? { accountManagerName } : {}),
    },
    linkedBy: customer ? 'identity' : email ? 'email' : 'none',
    previous,
  };
}

function summaryOf(c: HistorySummary): PreviousConversation {
  return {
    conversationId: c.conversationId,
    startedAt: c.startedAt,
    lastAt: c.lastAt,
    ...(c.closedAt !== undefined ? { closedAt: c.closedAt } : {}),
    state: c.state,
    language: c.language,
    ...(c.queue ? { queue: c.queue } : {}),
    ...(c.path ? { path: c.path } : {}),
    ...(c.ces !== undefined ? { ces: c.ces } : {}),
    ...(c.channel ? { channel: c.channel } : {}),
    title: c.title,
  };
}
