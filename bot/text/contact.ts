import type { Locale } from '../../knowledge-base/index';

/** What the bot says to get (or do without) an address for a ticket's answer, one place per language. */
export interface ContactText {
  /** Right after the ticket's promise, to a visitor with no address on file. */
  readonly ask: string;
  /** The quick reply that declines. */
  readonly skip: string;
  readonly saved: (email: string) => string;
  /** An address typed later in the ticket conversation, none being on file. */
  readonly savedLater: (email: string) => string;
  readonly skipped: string;
  readonly askAgain: string;
  readonly gaveUp: string;
}

const fr: ContactText = {
  ask:
    'Pour recevoir la réponse par e-mail, écrivez-moi votre adresse (par exemple jean.dupont@exemple.fr). ' +
    'Sans adresse, la réponse ne pourra s’afficher qu’ici, et cette fenêtre risque de ne pas rester ouverte jusque-là.',
  skip: 'Pas d’e-mail',
  saved: (email) =>
    `Merci, c’est noté : la réponse vous sera envoyée par e-mail à ${email}, avec un lien pour reprendre cette conversation. ` +
    'Elle s’affichera aussi ici si cette fenêtre est encore ouverte.',
  savedLater: (email) =>
    `J’ai ajouté votre adresse à votre demande : la réponse vous sera envoyée par e-mail à ${email}, avec un lien pour reprendre cette conversation.`,
  skipped:
    'Entendu, sans e-mail : la réponse s’affichera ici, dans cette conversation, si cette fenêtre est encore ouverte. ' +
    'Vous pouvez m’écrire votre adresse à tout moment.',
  askAgain:
    'J’ai ajouté votre message à votre demande, mais je n’y trouve pas d’adresse e-mail valide. ' +
    'Pouvez-vous la réécrire, par exemple jean.dupont@exemple.fr ? Ou choisissez « Pas d’e-mail ».',
  gaveUp:
    'Je n’ai toujours pas d’adresse valide : la réponse s’affichera ici, dans cette conversation, si cette fenêtre est encore ouverte. ' +
    'Vous pouvez m’écrire votre adresse à tout moment.',
};

const en: ContactText = {
  ask:
    'To get the answer by e-mail, write me your address (for example jane.doe@example.com). ' +
    'Without one, the answer can only appear here, and this window may not stay open until then.',
  skip: 'No e-mail',
  saved: (email) =>
    `Thank you, noted: the answer will be e-mailed to ${email}, with a link to pick this conversation up again. ` +
    'It will also appear here if this window is still open.',
  savedLater: (email) =>
    `I added your address to your request: the answer will be e-mailed to ${email}, with a link to pick this conversation up again.`,
  skipped:
    'All right, no e-mail: the answer will appear here, in this conversation, if this window is still open. ' +
    'You can write me your address at any time.',
  askAgain:
    'I added your message to your request, but I find no valid e-mail address in it. ' +
    'Could you write it again, for example jane.doe@example.com? Or choose "No e-mail".',
  gaveUp:
    'I still have no valid address: the answer will appear here, in this conversation, if this window is still open. ' +
    'You can write me your address at any time.',
};

export function contactTextFor(locale: Locale): ContactText {
  return locale === 'en' ? en : fr;
}
