import { matchPhrase, phrases, replyWords, withoutFillers } from './reply-words';
import { isSkip } from './skip';
import { answer, NOT_AN_ANSWER, SKIP, type SurveyReply } from './survey-reply';

const YES_NO = phrases<boolean>([
  ['oui', true],
  ['ouais', true],
  ['ouai', true],
  ['ouaip', true],
  ['ouep', true],
  ['oui oui', true],
  ['tout a fait', true],
  ['oui tout a fait', true],
  ['absolument', true],
  ['bien sur', true],
  ['exactement', true],
  ['parfaitement', true],
  ['oui parfait', true],
  ['parfait', true],
  ['oui vous avez repondu', true],
  ['vous avez repondu', true],
  ['affirmatif', true],
  ['yes', true],
  ['yeah', true],
  ['yea', true],
  ['yep', true],
  ['yup', true],
  ['ya', true],
  ['sure', true],
  ['absolutely', true],
  ['definitely', true],
  ['indeed', true],
  ['correct', true],
  ['yes did', true],
  ['did', true],
  ['yes perfect', true],
  ['perfect', true],
  ['yes you did', true],
  ['non', false],
  ['nan', false],
  ['nope', false],
  ['no', false],
  ['nah', false],
  ['non non', false],
  ['pas du tout', false],
  ['pas vraiment', false],
  ['non pas vraiment', false],
  ['non pas du tout', false],
  ['toujours pas', false],
  ['pas encore', false],
  ['negatif', false],
  ['non vous n avez pas repondu', false],
  ['not really', false],
  ['not at all', false],
  ['no didn t', false],
  ['no did not', false],
  ['didn t', false],
  ['did not', false],
  ['not yet', false],
  ['no not really', false],
]);

/**
 * The reply to a yes/no question ("Avons-nous répondu à votre question ?"), either language.
 * "Non merci" is a skip, not a "Non": it declines the question rather than answering it.
 */
export function parseYesNoReply(text: string): SurveyReply<boolean> {
  if (isSkip(text)) return SKIP;
  const words = withoutFillers(replyWords(text));
  const value = matchPhrase(words, YES_NO);
  return value === undefined ? NOT_AN_ANSWER : answer(value);
}
