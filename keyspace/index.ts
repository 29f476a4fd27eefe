// Every Redis key of Relais is built here (see slots.ts for the slot layout, families.ts for the table).
export { deploymentTag, spreadTag, trimPrefix, type SpreadKind } from './slots';
export { KEY_TTL_SECONDS, withinRetention } from './ttl';
export { keyFamilies, familyMatcher, type KeyFamily, type SlotKind } from './families';
export { agentKeys, type AgentKeys } from './agent-keys';
export { botStateKeys, type BotStateKeys } from './bot-state-keys';
export { directLineKeys, type DirectLineKeys } from './direct-line-keys';
export { handoffKeys, LUA_KEY_HELPERS, type HandoffKeys } from './handoff-keys';
export { historyKeys, type HistoryKeys } from './history-keys';
export { insightsKeys, DEFAULT_INSIGHTS_PREFIX, LUA_INSIGHTS_KEYS, type InsightsKeys } from './insights-keys';
export { privacyKeys, type PrivacyKeys } from './privacy-keys';
export { rateLimitKeys, type RateLimitKeys } from './rate-limit-keys';
export { widgetKeys, type WidgetKeys } from './widget-keys';
