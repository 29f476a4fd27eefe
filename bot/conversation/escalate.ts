import { ActivityTypes, EventFactory, TurnContext, type Activity } from 'botbuilder';
import { formatPromisedReply } from '../../handoff/index';
import type { Decision } from '../../knowledge-base/index';
import type { HandoffContext, HandoffReason } from '../ports/handoff';
import { noteMissed, trailOf } from '../survey/trail';
import { askForContact, needsContact } from '../contact/ask-contact';
import { contactTextFor } from '../text/contact';
import type { Turn } from './turn';

/** An estimated wait in whole minutes (at least 1), or null when there is no estimate. */
export function waitMinutes(waitMs: number | null): number | null {
  return waitMs === null ? null : Math.max(1, Math.ceil(waitMs / 60_000));
}

/** What the matcher said about the last message, in the shape an agent reads. */
export function matchContext(decision: Decision): NonNullable<HandoffContext['match']> {
  const entryId =
    decision.decision === 'answer'
      ? decision.entry.id
      : decision.decision === 'escalate'
        ? decision.entry?.id
        : undefined;
  return {
    decision: decision.decision,
    confidence: decision.confidence,
    candidates: decision.candidates,
    explanation: decision.explanation,
    matchedTerms: decision.matchedTerms,
    ...(entryId ? { entryId } : {}),
  };
}

/**
 * Hands the conversation to people: records the request on the handoff port, tells the customer
 * what happens next (honestly: no agent is simulated), and emits the Bot Framework
 * `handoff.initiate` event so a channel-side agent hub (e.g. Omnichannel) can take over too.
 */
export async function escalate(turn: Turn, reason: HandoffReason, decision?: Decision): Promise<void> {
  const { context, data, deps } = turn;
  const activity = context.activity;
  const handoffContext: HandoffContext = {
    reason,
    lastMessage: turn.message,
    ...(decision ? { match: matchContext(decision) } : {}),
    ...(turn.customer ? { customer: turn.customer } : {}),
  };
  const outcome = await deps.handoff.requestHandoff({
    conversationId: activity.conversation.id,
    channelId: activity.channelId,
    locale: turn.locale,
    reason,
    transcript: [...data.transcript],
    context: handoffContext,
    reference: TurnContext.getConversationReference(activity),
    ...(data.contactEmail ? { contactEmail: data.contactEmail } : {}),
  });
  const trail = trailOf(data, deps.clock());
  // A ticket when the queue opened one (closed, or nobody online); with the recorder only, when closed.
  const ticket = outcome.status === 'ticket' || (outcome.status === 'recorded' && !turn.supportStatus().open);
  trail.escalation = { reason, ticket };
  noteMissed(trail, trail.lastQuestion);
  data.phase = 'handoff-requested';
  data.handoff = {
    reason,
    at: deps.clock().toISOString(),
    ...(outcome.status === 'ticket' ? { ticket: true } : {}),
  };
  data.pending = undefined;
  data.misses = 0;
  // A ticket for a visitor with no address: the promise names no channel yet, and the bot asks for one.
  const asking = outcome.status === 'ticket' && needsContact(turn);
  const told =
    outcome.status === 'queued'
      ? turn.text.handoffQueued(outcome.position, waitMinutes(outcome.waitMs))
      : outcome.status === 'ticket'
        ? turn.text.handoffTicket(
            formatPromisedReply(outcome.promisedReplyAt, turn.locale, {
              by: asking ? 'asking' : 'email',
            }),
          )
        : turn.text.handoffStarted(turn.supportStatus(), deps.supportHours);
  if (asking) {
    const contact = contactTextFor(turn.locale);
    askForContact(turn);
    await turn.say(`${told} ${contact.ask}`, [contact.skip, turn.text.backToBot]);
  } else await turn.say(told, [turn.text.backToBot]);
  const transcript = {
    activities: data.transcript.map((line): Partial<Activity> => ({
      type: ActivityTypes.Message,
      text: line.text,
      timestamp: new Date(line.at),
      from: { id: line.from, name: line.from, role: line.from === 'customer' ? 'user' : 'bot' },
    })) as Activity[],
  };
  await context.sendActivity(EventFactory.createHandoffInitiation(context, handoffContext, transcript));
}
