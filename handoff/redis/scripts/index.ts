import type { HandoffScript } from '../lua-common';
import { agentOfflineScript } from './agent-offline';
import { agentOnlineScript } from './agent-online';
import { agentRepliedScript } from './agent-replied';
import { answerTicketScript } from './answer-ticket';
import { cancelScript } from './cancel';
import { claimScript } from './claim';
import { claimNextScript } from './claim-next';
import { closeSilentScript } from './close-silent';
import { customerRepliedScript } from './customer-replied';
import { enqueueScript } from './enqueue';
import { forgetScript } from './forget';
import { handBackScript } from './hand-back';
import { heartbeatScript } from './heartbeat';
import { listTicketsScript } from './list-tickets';
import { offerTicketsScript } from './offer-tickets';
import { peekScript } from './peek';
import { releaseScript } from './release';
import { requeueExpiredScript } from './requeue-expired';
import { resolveScript } from './resolve';
import { resolveQuietTicketsScript } from './resolve-quiet-tickets';
import { resolveTicketScript } from './resolve-ticket';
import { setPresenceScript } from './set-presence';
import { setContactEmailScript } from './set-contact-email';
import { touchScript } from './touch';
import { transferScript } from './transfer';
import { waitInputsScript } from './wait-inputs';

/** Every script, registered with ioredis defineCommand under its name. */
export const HANDOFF_SCRIPTS = Object.freeze({
  enqueue: enqueueScript,
  claim: claimScript,
  claimNext: claimNextScript,
  agentReplied: agentRepliedScript,
  release: releaseScript,
  transfer: transferScript,
  handBack: handBackScript,
  resolve: resolveScript,
  cancel: cancelScript,
  answerTicket: answerTicketScript,
  customerReplied: customerRepliedScript,
  resolveTicket: resolveTicketScript,
  resolveQuietTickets: resolveQuietTicketsScript,
  offerTickets: offerTicketsScript,
  touch: touchScript,
  closeSilent: closeSilentScript,
  requeueExpired: requeueExpiredScript,
  agentOnline: agentOnlineScript,
  heartbeat: heartbeatScript,
  setPresence: setPresenceScript,
  agentOffline: agentOfflineScript,
  waitInputs: waitInputsScript,
  peek: peekScript,
  listTickets: listTicketsScript,
  forget: forgetScript,
  setContactEmail: setContactEmailScript,
} satisfies Record<string, HandoffScript>);

export type ScriptName = keyof typeof HANDOFF_SCRIPTS;
