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
      'no comment',
      'no comments',
      'nothing to add',
      'n a',
    ] as const
  ).map((p) => [p, true] as const),
  // Kept whole: "non merci" must not shrink to "non", a real answer to a yes/no question.
  true,
);

export function isSkip(text: string): boolean {
  const words = replyWords(text);
  // As typed ("non merci"), then without the politeness around it ("je passe, merci").
  return (
    matchPhrase(words, SKIP_PHRASES) === true || matchPhrase(withoutFillers(words), SKIP_PHRASES) === true
  );
}
