// @ts-check
// The shapes GET /api/agent/history and /api/agent/history/:id answer (docs/agent.md).

/** @typedef {'bot' | 'queued' | 'with-agent' | 'ticket' | 'resolved' | 'closed'} HistoryState */
/** @typedef {'bot-only' | 'clarified' | 'escalated' | 'ticket'} HistoryPath */
/** @typedef {'standard' | 'b2b' | 'vip'} HistoryQueue */
/** @typedef {'fr' | 'en'} Lang */

/**
 * @typedef {object} Summary
 * @property {string} conversationId
 * @property {number} startedAt
 * @property {number} lastAt
 * @property {number} [closedAt]
 * @property {HistoryState} state
 * @property {Lang} language
 * @property {HistoryQueue} [queue]
 * @property {string[]} agents
 * @property {HistoryPath} [path]
 * @property {number} [ces]
 * @property {string} [channel]
 * @property {string} title
 * @property {number} lineCount
 */

/**
 * @typedef {{ id: string, score: number }} Candidate
 * @typedef {{ seq: number, at: number, kind: 'message', from: 'customer' | 'bot' | 'agent', text: string, agentId?: string }} MessageLine
 * @typedef {{ seq: number, at: number, kind: 'decision', decision: 'answer' | 'clarify' | 'escalate' | 'handoff', entryId?: string, confidence?: number, reason?: string, candidates?: Candidate[] }} DecisionLine
 * @typedef {{ seq: number, at: number, kind: 'note', agentId: string, text: string, mentions?: string[] }} NoteLine
 * @typedef {{ seq: number, at: number, kind: 'event', event: string, text?: string }} EventLine
 * @typedef {MessageLine | DecisionLine | NoteLine | EventLine} Line
 */

/** @typedef {Summary & { lines: Line[] }} Conversation */

/** @typedef {{ items: Summary[], total: number, nextCursor?: string }} Page */

/** @typedef {{ id: string, name: string, languages: string[] }} AgentInfo */

export {};
