import { contactEmailSchema } from '../../handoff/index';
import { fold } from '../conversation/intents';
import type { Locale } from '../../knowledge-base/index';

/**
 * Something shaped like an address inside free text ("mon mail c jean.dupont@example.com merci"):
 * the local part, an "@", then dot-separated labels. Trailing punctuation is not part of it.
 */
const CANDIDATE =
  /[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+/g;

/** Longer messages are not an answer to "what is your address": nothing is looked for in them. */
const MAX_TEXT = 2_000;

/**
 * The first valid e-mail address in a message, its domain in lower case; undefined when there is
 * none. Validated by the same schema the handoff store applies (zod email, 254 characters at most).
 */
export function emailInText(text: string): string | undefined {
  if (text.length > MAX_TEXT) return undefined;
  for (const match of text.matchAll(CANDIDATE)) {
    const raw = match[0].replace(/^[.]+|[.]+$/g, '');
    const at = raw.lastIndexOf('@');
    const address = `${raw.slice(0, at)}@${raw.slice(at + 1).toLowerCase()}`;
    if (raw.slice(0, at).length <= 64 && contactEmailSchema.safeParse(address).success) return address;
  }
  return undefined;
}

/** Whether the text holds something the customer meant as an address (an "@" between words). */
export function looksLikeAnAddress(text: string): boolean {
  return /\S@\S/.test(text);
}

// On the folded text: lower case, no accents or punctuation ("pas d'e-mail" is "pas d e mail").
const SKIP =
  /^(non|no|nope|non merci|no thanks|no thank you|non pas de (mail|e mail|email)|skip|passer|plus tard|later|pas de (mail|e mail|email|courriel|adresse)|pas d (e mail|email|adresse)|sans (mail|e mail|email)|no (mail|e mail|email)|without (mail|e mail|email)|je (ne veux|prefere) pas|i d rather not|rather not|pas maintenant|not now)( merci| thanks)?$/;

/** The customer declines to give an address ("non", "pas de mail", "skip", "no thanks", the button). */
export function declinesEmail(text: string, skipLabel: string, locale?: Locale): boolean {
  const folded = fold(text, locale).trim();
  return folded === fold(skipLabel).trim() || SKIP.test(folded);
}
