/** Every customer-facing sentence of the ticket flow, one place per language. */
export interface TicketTexts {
  readonly subject: string;
  readonly greeting: (name: string | undefined) => string;
  readonly yourMessage: string;
  readonly signature: string;
  readonly promise: (when: string) => string;
  readonly locale: string;
}

const fr: TicketTexts = {
  locale: 'fr-FR',
  subject: "Réponse à votre demande — Mon aide à l'heure",
  greeting: (name) => (name ? `Bonjour ${name},` : 'Bonjour,'),
  yourMessage: 'Votre message :',
  signature: "Le service client de Mon aide à l'heure",
  promise: (when) =>
    `Nos conseillers sont absents pour le moment. Votre demande est enregistrée : nous vous répondrons par e-mail au plus tard ${when}.`,
};

const en: TicketTexts = {
  locale: 'en-GB',
  subject: "Answer to your request — Mon aide à l'heure",
  greeting: (name) => (name ? `Hello ${name},` : 'Hello,'),
  yourMessage: 'Your message:',
  signature: "Mon aide à l'heure customer service",
  promise: (when) =>
    `Our advisers are not available right now. Your request is saved: we will answer by e-mail by ${when} at the latest.`,
};

export function ticketTexts(language: string | undefined): TicketTexts {
  return language === 'en' ? en : fr;
}

/** "mardi 7 janvier à 10:00" — the promised reply time, in the service's time zone. */
export function formatPromisedReply(
  at: number,
  language: string | undefined,
  timeZone = 'Europe/Paris',
): string {
  const texts = ticketTexts(language);
  const when = new Intl.DateTimeFormat(texts.locale, {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(at));
  return texts.promise(when);
}
