import type { SupportHours } from '../config';
import type { Mission, NoShowOutcome } from '../ports/back-office';
import type { SupportStatus } from '../requests/support-hours';

/** Every sentence the bot says, in one language. */
export interface BotText {
  readonly welcome: (hours: SupportHours) => string;
  readonly greeting: string;
  readonly thanks: string;
  readonly yes: string;
  readonly no: string;
  readonly answerCheck: string;
  readonly resolved: string;
  readonly clarify: string;
  readonly noneOfThese: string;
  readonly notUnderstood: string;
  readonly talkToPerson: string;
  readonly handoffStarted: (status: SupportStatus, hours: SupportHours) => string;
  readonly handoffPending: string;
  /** In the agents' queue: position and estimated wait in minutes (null: no estimate). */
  readonly handoffQueued: (position: number, waitMinutes: number | null) => string;
  /** Outside hours or nobody online: a ticket; `promisedReply` is the ticket's own sentence (formatPromisedReply). */
  /** A message while queued: kept for the agent, with the current position. */
  readonly handoffStillQueued: (position: number, waitMinutes: number | null) => string;
  readonly handoffTicket: (promisedReply: string) => string;
  /** Sent without the customer writing, when their position or estimated wait changed. */
  readonly handoffWaitUpdate: (position: number, waitMinutes: number | null) => string;
  /** The bot speaks again after an agent handed the conversation back (after agentHandedBack). */
  readonly handedBack: string;
  /** Presence notices: an agent (by display name) joined, took over from a colleague, left, handed back. */
  readonly agentJoined: (name: string) => string;
  readonly agentTookOver: (name: string) => string;
  readonly agentLeft: (name: string | undefined) => string;
  readonly agentHandedBack: (name: string) => string;
  /** An agent's message on a channel that shows every message as the bot's: the name comes first. */
  readonly agentSays: (name: string, text: string) => string;
  /** A file the customer sent was refused (nothing was kept). */
  readonly uploadRefused: (
    why: 'too-large' | 'wrong-type' | 'wrong-name' | 'empty' | 'no-agent' | 'quota',
    maxMegabytes: number,
  ) => string;
  readonly backToBot: string;
  readonly handoffCancelled: string;
  readonly supportHours: (status: SupportStatus, hours: SupportHours) => string;
  readonly bookingMinimum: string;
  readonly bookOneHour: string;
  readonly bookOneHourSteps: string;
  readonly noShowLoginRequired: string;
  readonly noShowChooseMission: string;
  readonly noShowNoMission: string;
  readonly missionLabel: (mission: Mission, timeZone: string) => string;
  readonly noShowOutcome: (outcome: NoShowOutcome, timeZone: string) => string;
  readonly rebookAction: string;
  readonly rebooked: (mission: Mission, timeZone: string) => string;
  readonly vip: string;
  readonly contact: (status: SupportStatus, hours: SupportHours) => string;
  readonly technicalProblem: string;
  /** An explicit goodbye once the survey was asked (or with no survey). */
  readonly goodbye: string;
  /** An explicit goodbye, just before the closing survey's first question. */
  readonly goodbyeSurvey: string;
  /** The agent's closing words after a resolve, sent as the agent's message (not the bot's voice). */
  readonly agentResolved: string;
  /** The customer confirmed a ticket answer settled it ("merci c'est réglé"), before the survey. */
  readonly ticketSettled: string;
  /** A waiting ticket became a live conversation: an agent came online while the customer was here. */
  readonly ticketNowLive: string;
}
