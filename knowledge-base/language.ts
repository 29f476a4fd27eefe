import { foldWords } from './normalize';
import type { Locale } from './locale';

// Frequent words that tell the two languages apart, customers' spellings included ("jai", "cest", "u").
const FRENCH = new Set(
  `je j jai tu il nous vous ils le la les un une des du de au aux et est c cest ce ca ne pas plus mon ma mes ton votre vos
  pour avec sans sur dans que qui quoi quand comment combien pourquoi ou oui non merci bonjour bonsoir svp stp
  peux peut veux voudrais puis faut fait faire suis etes avez ai a y en me moi mais aussi tres bien encore deja
  jpeux jveux jsuis chui jsp bjr slt qqn qqch tjrs bcp dsl pk pq koi rdv mdp`.split(/\s+/),
);
const ENGLISH = new Set(
  `i im my me you your we our the a an is are was be to of and in on at for with from it this that what how when why
  where who which can could would should do does did not no yes thanks thank please hello hi want need get have has
  u ur pls plz hey`.split(/\s+/),
);
const FRENCH_LETTERS = /[éèêëàâîïôûùüçœ]/g;

export interface LanguageGuess {
  readonly locale: Locale;
  /** False when the text gave too little evidence and the hint (or default) decided. */
  readonly confident: boolean;
}

/** fr or en for one message, from function words and accents; ambiguous text keeps the hint. */
export function detectLanguage(text: string, hint: Locale = 'fr'): LanguageGuess {
  let fr = (text.toLowerCase().match(FRENCH_LETTERS)?.length ?? 0) * 0.5;
  let en = 0;
  for (const word of foldWords(text)) {
    const inFr = FRENCH.has(word);
    const inEn = ENGLISH.has(word);
    if (inFr && !inEn) fr += 1;
    else if (inEn && !inFr) en += 1;
  }
  if (Math.abs(fr - en) < 1) return { locale: hint, confident: false };
  return { locale: fr > en ? 'fr' : 'en', confident: true };
}
