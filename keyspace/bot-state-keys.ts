import { spreadTag } from './slots';

/** botbuilder's conversation and user state: one hash per storage key, each in a slot of its own. */
export interface BotStateKeys {
  /** Hash `data` (JSON), `etag`: one storage item (`<channel>/conversations/<id>`, `<channel>/users/<id>`…). */
  item(storageKey: string): string;
}

export function botStateKeys(prefix: string): BotStateKeys {
  return Object.freeze({ item: (storageKey: string) => `${spreadTag(prefix, 's', storageKey)}:botstate` });
}
