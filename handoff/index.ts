export {
  AGENT_PRESENCES,
  agentPresenceSchema,
  agentProfileSchema,
  type AgentPresence,
  type AgentProfile,
  type AgentStatus,
} from './agent';
export {
  BusinessHours,
  DEMO_BUSINESS_HOURS,
  businessHoursSchema,
  type BusinessHoursConfig,
} from './business-hours';
export { ManualClock, systemClock, type Clock } from './clock';
export {
  CUSTOMER_PRESENT_MS,
  handoffConfigSchema,
  parseHandoffConfig,
  type HandoffConfig,
  type HandoffConfigInput,
} from './config';
export {
  contactEmailSchema,
  escalationSchema,
  type Contact,
  type Language,
  type ConversationRecord,
  type Escalation,
  type Priority,
  type TicketInfo,
  type TranscriptLine,
} from './conversation';
export {
  HANDOFF_STATES,
  LIVE_STATES,
  SILENCE_STATES,
  TRANSITIONS,
  canTransition,
  type HandoffState,
  type TransitionName,
} from './handoff-state';
export { HandoffError, type HandoffErrorCode } from './errors';
export { estimateWaitMs, type WaitInputs } from './estimated-wait';
export type {
  AgentDesk,
  AgentRoster,
  ConversationRecords,
  Disposable,
  HandoffQueue,
  QueuedEntry,
  Sweeps,
  TicketBook,
  WaitingLine,
} from './handoff-queue';
export { MemoryHandoffQueue, type MemoryHandoffQueueOptions } from './memory/memory-handoff-queue';
export type * from './results';
export { RedisHandoffQueue, type RedisHandoffQueueOptions } from './redis/redis-handoff-queue';
export { transferTargetSchema, type TransferTarget } from './transfer';
export { SmtpMailer, type Mailer, type MailMessage } from './tickets/mailer';
export {
  parseSmtpConfig,
  smtpConfigFromEnv,
  smtpConfigSchema,
  type SmtpConfig,
  type SmtpConfigInput,
} from './tickets/smtp-config';
export {
  TicketDesk,
  composeAnswer,
  type ChatDelivery,
  type TicketAnswerResult,
  type TicketDeskDeps,
} from './tickets/ticket-desk';
export {
  formatPromisedReply,
  ticketTexts,
  type ReplyChannel,
  type TicketTexts,
} from './tickets/ticket-texts';
export { HandoffSweeper, type HandoffSweeperOptions, type SweepReport } from './sweeper';
