/**
 * How the answer to a ticket reaches the customer: e-mail when one is on file, else this chat;
 * 'asking' while the bot asks the visitor for an address (the sentence names no channel yet).
 */
export type ReplyChannel = 'email' | 'chat' | 'asking';

/** Every customer-facing sentence of the ticket flow, one place per language. */
export interface TicketTexts {
  readonly subject: string;
  readonly greeting: (name: string | undefined) => string;
  readonly yourMessage: string;
  /** Above the link that reopens the conversation in the chat. */
  readonly reopen: string;
  readonly signature: string;
  readonly promise: (when: string, by: ReplyChannel) => string;
  readonly locale: string;
}

const fr: TicketTexts = {
  locale: 'fr-FR',
  subject: "Réponse à votre demande — Mon aide à l'heure",
  greeting: (name) => (name ? `Bonjour ${name},` : 'Bonjour,'),
  yourMessage: 'Votre message :',
  reopen: 'Pour retrouver notre conversation et nous répondre, ouvrez ce lien :',
  signature: "Le service client de Mon aide à l'heure",
  promise: (when, by) =>
    `Nos conseillers sont absents pour le moment. Votre demande est enregistrée : nous vous répondrons ` +
    (by === 'email'
      ? `par e-mail au plus tard ${when}.`
      : by === 'chat'
        ? `ici, dans cette conversation, au plus tard ${when}.`
        : `au plus tard ${when}.`),
};

const en: TicketTexts = {
  locale: 'en-GB',
  subject: "Answer to your request — Mon aide à l'heure",
  greeting: (name) => (name ? `Hello ${name},` : 'Hello,'),
  yourMessage: 'Your message:',
  reopen: 'To open our conversation again and reply, follow this link:',
  signature: "Mon aide à l'heure customer service",
  promise: (when, by) =>
    `Our advisers are not available right now. Your request is saved: we will answer ` +
    (by === 'email'
      ? `by e-mail by ${when} at the latest.`
      : by === 'chat'
        ? `here, in this conversation, by ${when} at the latest.`
        : `by ${when} at the latest.`),
};

export function ticketTexts(language: string | undefined): TicketTexts {
  return language === 'en' ? en : fr;
}

/**
 * The ticket promise with its time ("mardi 7 janvier à 10:00", in the service's time zone). `by`:
 * an anonymous customer (no e-mail on file) gets the answer in this chat, so it must not promise an e-mail.
 */
export function formatPromisedReply(
  at: number,
  language: string | undefined,
  options: { readonly by?: ReplyChannel; readonly timeZone?: string } = {},
): string {
  const { by = 'email', timeZone = 'Europe/Paris' } = options;
  const texts = ticketTexts(language);
  const when = new Intl.DateTimeFormat(texts.locale, {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(at));
  return texts.promise(when, by);
}
