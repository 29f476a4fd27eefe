import type { SupportHours } from '../config';
import type { Mission } from '../ports/back-office';
import type { SupportStatus } from '../requests/support-hours';
import type { BotText } from './types';

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const day = (iso: number): string => DAYS[iso - 1] ?? '?';

function daysPhrase(days: readonly number[]): string {
  const first = days[0];
  const last = days[days.length - 1];
  if (first === undefined || last === undefined) return '';
  const contiguous = days.every((d, i) => d === first + i);
  if (contiguous && days.length > 2) return `${day(first)} to ${day(last)}`;
  return days.map(day).join(', ');
}

const clock = (hour: number): string =>
  hour === 0 || hour === 24
    ? 'midnight'
    : hour === 12
      ? 'noon'
      : hour < 12
        ? `${hour} am`
        : `${hour - 12} pm`;
const hoursPhrase = (h: SupportHours): string =>
  `${daysPhrase(h.days)}, ${clock(h.openHour)} to ${clock(h.closeHour)}`;

function reopening(status: SupportStatus): string {
  if (status.open) return '';
  return status.opensOn.today
    ? `today at ${clock(status.opensOn.hour)}`
    : `on ${day(status.opensOn.weekday)} at ${clock(status.opensOn.hour)}`;
}

const when = (date: Date, timeZone: string): string =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: 'numeric',
    minute: '2-digit',
  }).format(date);

const missionLabel = (m: Mission, timeZone: string): string =>
  `${m.service.en} on ${when(m.startsAt, timeZone)} (${m.hours} h, ${m.providerName})`;

export const en: BotText = {
  welcome: (h) =>
    `Hello, I am the virtual assistant of Mon aide à l'heure (a bot, not a person). Ask me your question. ` +
    `At any time, write "agent" to talk to a person from Customer Service (open ${hoursPhrase(h)}, Paris time).`,
  greeting: 'Hello! What is your question?',
  thanks: 'You are welcome! Do you have another question?',
  yes: 'Yes',
  no: 'No',
  answerCheck: 'Did this answer your question?',
  resolved: 'Great, glad I could help! Feel free to ask if you have another question.',
  clarify: 'I want to be sure I understand. Is your question about one of these?',
  noneOfThese: 'None of these',
  notUnderstood:
    'I did not quite understand. Could you rephrase your question? You can also ask to talk to an agent.',
  talkToPerson: 'Talk to an agent',
  handoffStarted: (status, h) =>
    status.open
      ? 'I am passing your request and our conversation to a Customer Service agent. A person will answer you here as soon as possible.'
      : `I am passing your request and our conversation to a Customer Service agent. Customer Service is closed right now (open ${hoursPhrase(h)}, Paris time): a person will answer you from ${reopening(status)}.`,
  handoffPending:
    'Your request is already with an agent: I added this message to it. A person will answer you here.',
  handoffQueued: (position, minutes) =>
    `I am passing your request and our conversation to a Customer Service agent. You are number ${position} in the queue` +
    (minutes === null ? '.' : `, estimated wait: about ${minutes} min.`) +
    ' Write "cancel" to go back to the assistant.',
  handoffStillQueued: (position, minutes) =>
    `Your request is already with an agent: I added this message to it. You are number ${position} in the queue` +
    (minutes === null ? '.' : `, estimated wait: about ${minutes} min.`),
  handoffTicket: (promised) =>
    `I am passing your request and our conversation to a Customer Service agent. ${promised}`,
  handoffWaitUpdate: (position, minutes) =>
    `You are now number ${position} in the queue` +
    (minutes === null ? '.' : `, estimated wait: about ${minutes} min.`) +
    ' Thank you for waiting, an agent is on the way.',
  uploadRefused: (why, max) =>
    why === 'too-large'
      ? `This file is too large: ${max} MB at most. It was not sent.`
      : why === 'no-agent'
        ? 'Files are read by our agents: ask to talk to an agent first, then send it again.'
        : why === 'quota'
          ? 'You already sent the most files this conversation accepts. This one was not sent.'
          : why === 'wrong-name'
            ? 'The name of this file does not match its content: it must end with .png, .jpg, .gif, .webp, .pdf or .txt. It was not sent.'
            : 'This type of file is not accepted: send an image (PNG, JPEG, GIF, WebP), a PDF or a text file. It was not sent.',
  handedBack: 'You are talking to the virtual assistant (a bot) again. Do you have another question?',
  agentJoined: (name) => `${name} from Customer Service joined the conversation.`,
  agentTookOver: (name) => `${name} from Customer Service took over.`,
  agentLeft: (name) =>
    `${name ?? 'The agent'} left the conversation. You are back in the queue: another agent will answer you here.`,
  agentHandedBack: (name) => `${name} handed you back to the assistant.`,
  agentSays: (name, text) => `${name}: ${text}`,
  backToBot: 'Back to the assistant',
  handoffCancelled: 'Noted, I cancelled the request for an agent. What is your question?',
  supportHours: (status, h) =>
    `Customer Service is open ${hoursPhrase(h)} (Paris time). ` +
    (status.open
      ? `It is open right now, until ${clock(status.closesAtHour)}.`
      : `It is closed right now and opens again ${reopening(status)}.`),
  bookingMinimum:
    'A service lasts at least one hour: there is no half-hour option. That is why the form says "minimum order: one hour" below 60 minutes. I suggest booking one hour.',
  bookOneHour: 'Book one hour',
  bookOneHourSteps:
    'To book one hour: log in, click "Book", choose the service, the address, the date and the time slot, then the duration "1 h", and confirm. You get a confirmation e-mail right away.',
  noShowLoginRequired:
    'Sorry your provider did not come. To trigger the refund I need to know who you are: log in to your customer area and write to me again, or talk to an agent.',
  noShowChooseMission: 'Sorry your provider did not come. Which service was it?',
  noShowNoMission: 'I cannot find any recent service on your account. I suggest you talk to an agent.',
  missionLabel,
  noShowOutcome: (o, tz) => {
    switch (o.status) {
      case 'refunded':
        return (
          `Done: the service "${missionLabel(o.mission, tz)}" is reported as "provider absent" and your ${o.refundedHours} h are refunded automatically. ` +
          `You will receive an e-mail with a ${o.discountPercent}% discount on your next order. ` +
          `Would you like to book the same service at the same time next week (${when(o.rebookSlot, tz)})?`
        );
      case 'already-reported':
        return `The service "${missionLabel(o.mission, tz)}" is already reported: the refund is under way.`;
      case 'unknown-mission':
        return 'I cannot find this service on your account.';
    }
  },
  rebookAction: 'Book next week',
  rebooked: (m, tz) => `Booked: ${missionLabel(m, tz)}. You will receive a confirmation e-mail.`,
  vip: 'The VIP subscription costs €15 per month. With it, the home helper brings the tools and equipment the service needs when you do not have them. You can subscribe from your customer area.',
  contact: (status, h) =>
    `Customer Service answers ${hoursPhrase(h)} (Paris time), right here in the chat or on the free phone number shown in your customer area. ` +
    (status.open
      ? 'It is open right now: write "agent" to be put through.'
      : `It is closed right now and opens again ${reopening(status)}.`),
  technicalProblem:
    'Sorry, a technical problem stops me from answering. Try again in a moment or write "agent".',
  goodbye: 'Goodbye, have a nice day!',
  goodbyeSurvey: 'Thank you for your visit! One last question before you go:',
  agentResolved:
    'I am closing our conversation: your request has been handled. Thank you for contacting us, have a nice day!',
  ticketSettled: 'Great, I am closing your request. Thank you for letting us know!',
  ticketNowLive:
    'Good news: an agent is now available. Your request becomes a live conversation, please stay on this page.',
};
