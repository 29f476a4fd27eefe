import { isDirectLineKey } from '../channels/conversation-key';
import type { ReopenTokens } from './reopen-token';

/** The query parameter of the chat page that carries a reopen token. */
export const REOPEN_PARAM = 'reprise';

/**
 * The link a ticket answer's e-mail carries: the chat page at PUBLIC_URL with a reopen token, in
 * the conversation's language. Only web chat conversations have one (a Teams or SMS customer
 * answers in their own channel).
 */
export function reopenLinkFor(
  tokens: ReopenTokens,
  publicUrl: string,
): (conversation: { readonly id: string; readonly language?: string }) => string | undefined {
  return (conversation) => {
    if (!isDirectLineKey(conversation.id)) return undefined;
    const query = new URLSearchParams();
    if (conversation.language === 'en') query.set('lang', 'en');
    query.set(REOPEN_PARAM, tokens.issue(conversation.id).token);
    return `${publicUrl}/?${query.toString()}`;
  };
}
