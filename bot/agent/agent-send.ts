import type { TurnContext } from 'botbuilder';

/**
 * An agent's message going out in a proactive turn, marked on the turn itself (never on the
 * activity, whose channelData a Bot Framework channel reads): the history knows it is the agent's
 * whatever the channel makes of the text ("Alice : …" on Bot Framework channels).
 */
export interface AgentSend {
  readonly agentId: string;
  /** What the agent wrote, before any channel's name prefix. */
  readonly text: string;
  /** True when the line is in the relay log already (the history has it from there). */
  readonly logged: boolean;
}

const AGENT_SEND = Symbol('relais.agentSend');

export function markAgentSend(context: TurnContext, send: AgentSend): void {
  context.turnState.set(AGENT_SEND, send);
}

/** The agent's message this turn sends, if it is one. */
export function agentSendOf(context: TurnContext): AgentSend | undefined {
  const value: unknown = context.turnState.get(AGENT_SEND);
  return value as AgentSend | undefined;
}
