import type { Turn } from '../conversation/turn';

/** Opening hours and "are you open now?", computed from the clock in support's time zone. */
export async function tellSupportHours(turn: Turn): Promise<void> {
  await turn.say(turn.text.supportHours(turn.supportStatus(), turn.deps.supportHours));
}

/** How to reach Customer Service (and that this chat is one way). */
export async function tellContact(turn: Turn): Promise<void> {
  const status = turn.supportStatus();
  await turn.say(
    turn.text.contact(status, turn.deps.supportHours),
    status.open ? [turn.text.talkToPerson] : [],
  );
  if (status.open) turn.data.pending = { kind: 'person-offered', reason: 'customer-request' };
}

/** The VIP subscription (15 € a month; the helper brings the tools). */
export async function tellVip(turn: Turn): Promise<void> {
  await turn.say(turn.text.vip);
}

/** Shorter than an hour cannot be booked: explain, and offer one hour instead. */
export async function explainBookingMinimum(turn: Turn): Promise<void> {
  turn.data.pending = { kind: 'booking-offer' };
  await turn.say(turn.text.bookingMinimum, [turn.text.bookOneHour]);
}
