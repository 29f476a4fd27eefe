import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { readToken, signToken } from '../security/signed-token';

const sessionSchema = z.strictObject({
  kind: z.literal('agent-session'),
  sub: z.string().min(1),
  exp: z.number().int(),
});

/** Agent bearer tokens: HMAC-signed with a key derived from the token secret, with an expiry. */
export class AgentSessions {
  private readonly key: string;

  constructor(
    tokenSecret: string,
    private readonly ttlSeconds: number,
    private readonly clock: () => Date,
  ) {
    // A key of its own: a customer's Direct Line token can never pass as an agent session.
    this.key = createHmac('sha256', tokenSecret).update('relais agent session').digest('hex');
  }

  issue(agentId: string): { readonly token: string; readonly expiresAt: string } {
    const exp = Math.floor(this.clock().getTime() / 1000) + this.ttlSeconds;
    return {
      token: signToken({ kind: 'agent-session', sub: agentId, exp }, this.key),
      expiresAt: new Date(exp * 1000).toISOString(),
    };
  }

  /** The agent id, or why the token is refused. */
  verify(token: string): { ok: true; agentId: string } | { ok: false; message: string } {
    const read = readToken(token, this.key, sessionSchema);
    if (!read.ok) return { ok: false, message: `invalid session token (${read.problem})` };
    if (read.payload.exp * 1000 <= this.clock().getTime())
      return { ok: false, message: 'session expired: log in again' };
    return { ok: true, agentId: read.payload.sub };
  }
}
