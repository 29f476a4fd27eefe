import { foldText, type Locale } from '../../knowledge-base/index';

/**
 * Requests the bot recognises before asking the FAQ: they are acted on (or handed over), not
 * answered with FAQ text. Patterns run on the KB normaliser's folded text (lower case, no accents
 * nor punctuation, elisions split: "n'importe" is "n importe"; in French, chat spellings read:
 * "bjr" is "bonjour", "qqn" "quelqu un") and cover both languages, since a customer may write in
 * either whatever the page locale.
 */
export type Intent =
  | 'human'
  | 'frustration'
  | 'no-show'
  | 'booking-minimum'
  | 'support-hours'
  | 'contact'
  | 'vip'
  | 'greeting'
  | 'thanks'
  | 'goodbye';

/** The message as the matcher's normaliser folds it (French chat spellings read when `locale` is fr). */
export function fold(text: string, locale?: Locale): string {
  return foldText(text, locale);
}

// "personne" alone means "nobody" ("personne n'est venu" is a no-show), so only "une/vraie personne" asks for a person.
const HUMAN =
  /\b(humain|humaine|conseill(er|ere)s?|agent|operat(eur|rice)|une personne|vraie personne|quelqu un de (vrai|reel|humain)|parler a quelqu un|passe[rz]? moi (le |la |un |une )?(service apres vente|service client|responsable|quelqu un)|parler (a|au|avec) (le |au )?(service apres vente|responsable)|human|person|representative|operator|real person|someone real|talk to someone)\b/;
const FRUSTRATION =
  /\b(nul|inadmissible|inacceptable|scandal\w*|honteu\w*|marre|ridicule|n importe quoi|enerv\w*|furieu\w*|useless|ridiculous|unacceptable|fed up|terrible|furious|angry|stupid|rubbish|wtf)\b/;
const NO_SHOW =
  /(prestataire absent|\b(pas|jamais) (venue?s?|passee?s?|presentee?s?)\b|ne s est pas presentee?|personne n est (venu|passe)|pose un lapin|no show|provider (is )?absent|\b(did not|never|has not) (show(ed)? up|come|came|turn(ed)? up)\b)/;
const BOOKING_MINIMUM =
  /(demi ?heure|\b1 2 ?h\b|\b(30|45|15|20) ?(min|mins|minutes?)\b|\b(trente|quarante cinq|quinze|vingt) minutes\b|moins d une heure|half an hour|half hour|less than (an|one) hour|under an hour)/;
const SUPPORT_HOURS =
  /(\b(etes vous|vous etes|est il|est ce ouvert|c est) (ouverts?|fermes?)\b|\bouverts? (maintenant|aujourd hui|le \w+|ce \w+|en ce moment|demain)\b|\bheures? d ouverture\b|\bhoraires?( d ouverture| du service client| du support)?$|\bvos horaires\b|\bopen(ing)? (hours|times?)\b|\bare you (open|closed)\b|\bopen (now|today|tomorrow|on \w+)\b|\bwhat time do you (open|close)\b|\bwhen (are you|do you) (open|close)\b|\byour hours\b)/;
const CONTACT =
  /(\bcontacter\b|\bjoindre\b|\bnumero (de telephone|de tel|du service client|du support|pour (vous )?(appeler|joindre|contacter))\b|\bvotre numero\b|\btelephone\b|\bappeler\b|\bservice client\b|\bcontact (you|support|customer service)\b|\breach (you|support|customer service)\b|\bphone\b|\bcall you\b|\bcustomer service\b|\bhow (can|do) i contact\b)/;
const VIP = /\bvip\b/;
const CANCELLING = /\b(resilier|resiliation|annuler|arreter|desabonner|cancel|stop|unsubscribe|end)\b/;
const GREETING =
  /^(bonjour|bonsoir|salut|coucou|hello|hi|hey|good (morning|afternoon|evening))( (a vous|there|everyone))?[ !.,]*$/;
// A short message only: "bonne journée" inside a longer question is not a goodbye.
const GOODBYE =
  /^(?:(?:ok|merci|thanks|thank you|d accord|parfait|super)[ ,!.]*)*(au revoir|a bientot|a plus|bonne (journee|soiree|fin de journee)|bye|bye bye|goodbye|see you|have a (nice|good) day)( a vous| (a|to) you| merci| thanks)?[ !.,]*$/;
const THANKS = /^(merci|thanks|thank you|thx)( beaucoup| bien| a vous| very much| a lot| so much)?[ !.,]*$/;

/** The first intent the text shows, in priority order (a person first, small talk last). */
export function detectIntent(text: string, locale?: Locale): Intent | undefined {
  const t = fold(text, locale);
  if (HUMAN.test(t)) return 'human';
  if (FRUSTRATION.test(t)) return 'frustration';
  if (NO_SHOW.test(t)) return 'no-show';
  if (BOOKING_MINIMUM.test(t)) return 'booking-minimum';
  if (SUPPORT_HOURS.test(t)) return 'support-hours';
  if (CONTACT.test(t)) return 'contact';
  if (VIP.test(t) && !CANCELLING.test(t)) return 'vip';
  if (GOODBYE.test(t)) return 'goodbye';
  if (GREETING.test(t)) return 'greeting';
  if (THANKS.test(t)) return 'thanks';
  return undefined;
}

const YES = /^(oui|ouais|yes|yep|yeah|y|o|oui merci|yes thanks|tout a fait|exactement|parfait)[ !.,]*$/;
const NO = /^(non|no|nope|n|pas vraiment|not really|non merci|no thanks|pas du tout|not at all)[ !.,]*$/;

export function yesOrNo(text: string, locale?: Locale): 'yes' | 'no' | undefined {
  const t = fold(text, locale);
  if (YES.test(t)) return 'yes';
  if (NO.test(t)) return 'no';
  return undefined;
}

/** Whether a reply picks one of the offered labels (the suggested action sends the label back). */
export function picks(text: string, label: string): boolean {
  return fold(text) === fold(label);
}
