import type { Server } from 'restify';
import type { HandoffQueue, Mailer } from '../../handoff/index';
import type { Log } from '../log';
import type { AgentAccount } from './accounts';
import { AgentService, type AgentClosing } from './agent-service';
import { AgentTickets, noMailer, type AgentTicketsDeps, type TicketClosing } from './agent-tickets';
import type { CurrentFaq } from './canned-answers';
import { registerConsole } from './console-route';
import type { CustomerRelay } from './customer-relay';
import { AgentEventStreams } from './event-stream';
import type { AgentEventBus } from './events';
import type { RelayLog } from './relay-log';
import type { RequeuedFeed } from './requeued-feed';
import { registerAgentRoutes, type AgentRoutesDeps } from './routes';
import { AgentSessions } from './session';
import type { WaitNotifier } from './wait-notifier';
import { customerUploads, type UploadReceiver } from './customer-uploads';
import type { UploadQuota, UploadStore } from './upload-store';
import type { HistoryStore } from '../history/history-store';
import type { CustomerConversations } from '../privacy/customer-conversations';
import type { EmailLinks } from '../privacy/email-links';

const DEFAULT_UPLOAD_MAX_BYTES = 5 * 1024 * 1024;
const DEFAULT_UPLOAD_QUOTA: UploadQuota = { files: 20, bytes: 25 * 1024 * 1024 };

/** What the agent side is built from (bot/root/compose.ts builds it). */
export interface AgentDeps {
  readonly accounts: readonly AgentAccount[];
  readonly queue: HandoffQueue;
  readonly store: RelayLog;
  readonly bus: AgentEventBus;
  readonly sessionTtlSeconds: number;
  /** Tells waiting customers when their position or wait changes; started with the API. */
  readonly waitNotifier?: WaitNotifier;
  /** Sends ticket answers by e-mail (SMTP_*); without it answers go to the chat only. */
  readonly mailer?: Mailer;
  /** Files customers send (Web Chat uploads) and the largest accepted; without a store uploads are refused. */
  readonly uploads?: UploadStore;
  readonly uploadMaxBytes?: number;
  /** What one conversation may upload in all (config.uploadQuota). */
  readonly uploadQuota?: UploadQuota;
  /** Conversations the sweeper took back from an agent: their customers get a leave notice. */
  readonly requeued?: RequeuedFeed;
  /** Every past conversation, searchable (bot/history/); absent, no /api/agent/history. */
  readonly history?: HistoryStore;
  /** The signed customers' conversations (bot/privacy/): the profile's previous conversations. */
  readonly customers?: CustomerConversations;
  /** E-mail → conversations (bot/privacy/email-links.ts): anonymous visitors' previous conversations. */
  readonly emailLinks?: EmailLinks;
}

export interface MountedAgentApi {
  readonly service: AgentService;
  /** The Direct Line upload route's handler (files for the agent), when uploads are configured. */
  readonly receiveUpload?: UploadReceiver;
  /** Ends the open event streams (call before waiting for in-flight requests). */
  close(): void;
}

/** The agent API under /api/agent and the console at /agent, on an existing server. */
export function mountAgentApi(
  server: Server,
  deps: AgentDeps,
  runtime: {
    /** Writes to customers outside their turn (shared with the closing survey's proactive turns). */
    readonly relay: CustomerRelay;
    readonly tokenSecret: string;
    readonly clock: () => Date;
    readonly log: Log;
    readonly tracked: AgentRoutesDeps['tracked'];
    /** The FAQ the bot answers from now (canned answers). */
    readonly faq: CurrentFaq;
    /** The closing service (bot/closing/): agent resolves, ticket answers, tickets offered live. */
    readonly closing?: AgentClosing & TicketClosing;
    /** The reopen link a ticket answer's e-mail carries. */
    readonly reopenLink?: AgentTicketsDeps['reopenLink'];
  },
): MountedAgentApi {
  const relay = runtime.relay;
  const service = new AgentService({
    accounts: deps.accounts,
    queue: deps.queue,
    store: deps.store,
    bus: deps.bus,
    relay,
    clock: runtime.clock,
    ...(runtime.closing ? { closing: runtime.closing } : {}),
    log: runtime.log,
  });
  const tickets = new AgentTickets({
    queue: deps.queue,
    store: deps.store,
    bus: deps.bus,
    relay,
    mailer: deps.mailer ?? noMailer,
    clock: runtime.clock,
    ...(runtime.closing ? { closing: runtime.closing } : {}),
    ...(runtime.reopenLink ? { reopenLink: runtime.reopenLink } : {}),
  });
  const streams = new AgentEventStreams(deps.bus);
  registerAgentRoutes(server, {
    accounts: deps.accounts,
    sessions: new AgentSessions(runtime.tokenSecret, deps.sessionTtlSeconds, runtime.clock),
    service,
    tickets,
    faq: runtime.faq,
    ...(deps.uploads ? { uploads: deps.uploads } : {}),
    ...(deps.history ? { history: deps.history } : {}),
    ...(deps.history && deps.customers && deps.emailLinks
      ? {
          profile: {
            queue: deps.queue,
            service,
            sources: {
              history: deps.history,
              customers: deps.customers,
              emailLinks: deps.emailLinks,
              agentName: (id) => deps.accounts.find((a) => a.id === id)?.name,
            },
          },
        }
      : {}),
    streams,
    log: runtime.log,
    tracked: runtime.tracked,
  });
  registerConsole(server);
  deps.waitNotifier?.start((reference, text, locale) => relay.say(reference, text, locale));
  const unsubscribeRequeued = deps.requeued?.subscribe((ids) => service.requeuedBySweep(ids));
  const receiveUpload = deps.uploads
    ? customerUploads({
        queue: deps.queue,
        store: deps.store,
        bus: deps.bus,
        uploads: deps.uploads,
        maxBytes: deps.uploadMaxBytes ?? DEFAULT_UPLOAD_MAX_BYTES,
        quota: deps.uploadQuota ?? DEFAULT_UPLOAD_QUOTA,
        clock: runtime.clock,
      })
    : undefined;
  return {
    service,
    ...(receiveUpload ? { receiveUpload } : {}),
    close: () => {
      deps.waitNotifier?.stop();
      unsubscribeRequeued?.();
      streams.closeAll();
    },
  };
}
