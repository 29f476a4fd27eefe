/**
 * The conversation key every store sees (bot state, handoff queue, relay log, surveys, the
 * console, the reports): it says which entry point a conversation came through, so a conversation
 * of one entry point can never be named from another.
 *
 * - Local Direct Line (the web chat page): the id Relais mints for the conversation (16 random
 *   bytes, base64url). Only Relais chooses it, and it never holds a ":".
 * - Bot Framework (`POST /api/messages`): `bf:<channelId>:<the channel's conversation id>`. The
 *   channel chooses the id, so the entry point and the channel are put in front of it. channelId
 *   holds no ":", so the key reads back unambiguously.
 *
 * The two sets cannot meet: every Bot Framework key holds a ":", no Direct Line id does.
 */

const BOT_FRAMEWORK = 'bf';

/** What a Bot Framework channelId may be (msteams, slack, webchat, directline, emulator, twilio-sms…). */
export const CHANNEL_ID = /^[A-Za-z0-9._-]{1,32}$/;
/** Longest channel conversation id kept: with the prefix it fits the handoff queue's 200-character ids. */
export const MAX_CHANNEL_CONVERSATION_ID = 160;
/** What the local Direct Line mints (bot/directline/routes.ts). */
const DIRECT_LINE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export interface BotFrameworkConversation {
  readonly channelId: string;
  /** The id the channel knows the conversation by (what its connector's URLs carry). */
  readonly id: string;
}

export function botFrameworkKey(conversation: BotFrameworkConversation): string {
  if (!CHANNEL_ID.test(conversation.channelId))
    throw new Error(`not a Bot Framework channelId: ${conversation.channelId.slice(0, 40)}`);
  return `${BOT_FRAMEWORK}:${conversation.channelId}:${conversation.id}`;
}

/** The channel's own conversation behind a key; undefined for a key of another entry point. */
export function parseBotFrameworkKey(key: string): BotFrameworkConversation | undefined {
  const [entry, channelId, ...rest] = key.split(':');
  if (entry !== BOT_FRAMEWORK || channelId === undefined || rest.length === 0) return undefined;
  if (!CHANNEL_ID.test(channelId)) return undefined;
  return { channelId, id: rest.join(':') };
}

export function isDirectLineKey(key: string): boolean {
  return DIRECT_LINE_ID.test(key);
}
