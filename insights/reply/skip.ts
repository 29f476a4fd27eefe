import { matchPhrase, phrases, replyWords, withoutFillers } from './reply-words';

/** "Passer", "skip", "non merci"… in both languages: the customer declines the current question. */
const SKIP_PHRASES = phrases<true>(
  (
    [
      'passer',
      'passe',
      'je passe',
      'on passe',
      'suivant',
      'non merci',
      'sans facon',
      'pas maintenant',
      'plus tard',
      'pas envie',
      'je ne sais pas',
      'je sais pas',
      'sais pas',
      'aucune idee',
      'rien',
      'aucun',
      'aucun commentaire',
      'pas de commentaire',
      'sans commentaire',
      'rien a dire',
      'rien a ajouter',
      'skip',
      'pass',
      'next',
      'no thanks',
      'no thank you',
      'not now',
      'later',
      'dont know',
      'don t know',
      'no idea',
      'nothing',
      'none',
      'no comment',
      'no comments',
      'nothing to add',
      'n a',
      'na',
    ] as const
  ).map((p) => [p, true] as const),
);

// "non merci" must be read before fillers drop "merci" (it would become "non").
const RAW_SKIPS = [
  ['non', 'merci'],
  ['no', 'thanks'],
  ['no', 'thank', 'you'],
] as const;

export function isSkip(text: string): boolean {
  const words = replyWords(text);
  if (RAW_SKIPS.some((raw) => raw.length === words.length && raw.every((w, i) => w === words[i])))
    return true;
  return matchPhrase(withoutFillers(words), SKIP_PHRASES) === true;
}
