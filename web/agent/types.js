// @ts-check
// The shapes the agent API answers (docs/agent.md); the server checks its side with zod.

/**
 * @typedef {{ uploadId: string, name: string, contentType: string, size: number }} Attachment
 * @typedef {{ seq?: number, from: string, text: string, at: number | string, agentId?: string,
 *   mentions?: string[], attachments?: Attachment[] }} Line
 * @typedef {{ id: string, state: string, language?: string, priority?: string, reason?: string,
 *   agentId?: string, waitMs?: number, customerName?: string, firstLines: string[] }} Summary
 * @typedef {{ id: string, language?: string, reason?: string, openedAt?: number,
 *   contact: { name?: string, email?: string }, firstLines: string[] }} Ticket
 * @typedef {{ id: string, score: number, question: string }} Candidate
 * @typedef {{ decision: string, confidence: number, candidates?: Candidate[], entryId?: string }} Match
 * @typedef {{ id?: string, name?: string, email?: string, vip?: boolean, b2b?: boolean }} ContextCustomer
 * @typedef {{ trigger?: string, language?: string, lastMessage?: string, match?: Match,
 *   customer?: ContextCustomer }} Context
 * @typedef {{ conversation: Summary, botTranscript: Line[], lines: Line[], context: Context }} ConversationView
 * @typedef {{ conversationId: string, startedAt: number, state: string, language: string,
 *   path?: string, ces?: number, title: string }} PreviousConversation
 * @typedef {{ conversationId: string, identified: boolean, customerId?: string, name?: string,
 *   email?: string, segment: { vip: boolean, b2b: boolean, accountManagerId?: string, accountManagerName?: string },
 *   linkedBy: 'identity' | 'email' | 'none', previous: PreviousConversation[] }} Profile
 * @typedef {{ id: string, name: string, languages: string[] }} Colleague
 * @typedef {{ agents: Colleague[], queues: string[] }} Colleagues
 * @typedef {{ id: string, name: string, languages?: string[] }} AgentAccount
 * @typedef {{ token: string, agent: AgentAccount }} LoginAnswer
 * @typedef {{ id: string, question: string, answer: string }} CannedAnswer
 * @typedef {{ deliveredInChat: boolean, email: { sent: true } | { sent: false, reason?: string } }} TicketDone
 * @typedef {{ conversationId: string, fromName: string, excerpt: string }} MentionEvent
 */

export {};
