import type { Locale } from '../../knowledge-base/index';
import { detectIntent, fold, yesOrNo } from '../conversation/intents';

/** "réglé", "ça marche", "problem solved"… in a short message. */
const SETTLED =
  /\b(regle|resolu|ca marche|ca fonctionne|c est bon|tout est bon|ca ira|c est parfait|parfait|nickel|solved|resolved|sorted|it works|all good|that s all|works now|fixed)\b/;
/** "pas réglé", "still not working", "toujours pas"… : a reply that the case is not settled. */
const NOT_SETTLED = /\b(pas|plus|toujours|encore|non|not|no|still|never|jamais|mais|but)\b|n t\b/;
const SHORT_WORDS = 8;

/**
 * Whether the customer's reply to a ticket answer says it settled their case ("merci c'est réglé",
 * "ok merci", "thanks, solved"). Anything doubtful is a reply for the agent, never a close.
 */
export function confirmsAnswer(text: string, locale: Locale): boolean {
  const t = fold(text, locale);
  if (t === '' || t.split(/\s+/).length > SHORT_WORDS || NOT_SETTLED.test(t)) return false;
  const intent = detectIntent(text, locale);
  if (intent === 'thanks' || intent === 'goodbye') return true;
  if (yesOrNo(text, locale) === 'yes') return true;
  return SETTLED.test(t);
}
