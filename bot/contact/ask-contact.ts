import type { Turn } from '../conversation/turn';
import { contactTextFor } from '../text/contact';
import { declinesEmail, emailInText } from './email-in-text';

/** Whether the bot should ask this customer for an address: nobody vouched for one, none typed yet. */
export function needsContact(turn: Turn): boolean {
  return !turn.customer?.email && !turn.data.contactEmail;
}

/** Starts the question (the ticket's promise said it); the reply comes back to `answerContact`. */
export function askForContact(turn: Turn): void {
  turn.data.pending = { kind: 'contact-email', retried: false };
}

/**
 * A customer message while their ticket is open: the answer to "what is your address" (an address,
 * a refusal, or neither: asked again once), or an address typed later when none is on file.
 * Returns false when the message is none of these (the usual "added to your request" follows).
 * The message itself is already kept in the ticket for the agent.
 */
export async function answerContact(turn: Turn): Promise<boolean> {
  const { data } = turn;
  const t = contactTextFor(turn.locale);
  const pending = data.pending?.kind === 'contact-email' ? data.pending : undefined;
  const email = emailInText(turn.message);
  if (!pending) {
    if (!email || !data.handoff?.ticket || !needsContact(turn)) return false;
    if ((await store(turn, email, true)) !== 'stored') return false;
    await turn.say(t.savedLater(email));
    return true;
  }
  if (email) {
    data.pending = undefined;
    const stored = (await store(turn, email, false)) === 'stored';
    await turn.say(stored ? t.saved(email) : t.gaveUp);
    return true;
  }
  if (declinesEmail(turn.message, t.skip, turn.locale)) {
    data.pending = undefined;
    await turn.say(t.skipped);
    return true;
  }
  if (!pending.retried) {
    data.pending = { kind: 'contact-email', retried: true };
    await turn.say(t.askAgain, [t.skip]);
    return true;
  }
  data.pending = undefined;
  await turn.say(t.gaveUp);
  return true;
}

async function store(turn: Turn, email: string, onlyIfEmpty: boolean): Promise<string> {
  const conversationId = turn.context.activity.conversation.id;
  const outcome = turn.deps.handoff.setContactEmail
    ? await turn.deps.handoff.setContactEmail(conversationId, email, { onlyIfEmpty })
    : 'not-found';
  // Remembered by the bot too: a later escalation of this conversation carries it (no second question).
  if (outcome === 'stored') turn.data.contactEmail = email;
  return outcome;
}
