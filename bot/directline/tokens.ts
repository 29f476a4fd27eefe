import { z } from 'zod';
import { customerSchema, type Customer } from '../ports/customer';
import { readToken, signToken } from '../security/signed-token';

/** What a Direct Line token vouches for. Bound to a conversation once one is started with it. */
export interface TokenClaims {
  readonly userId: string;
  readonly userName?: string;
  readonly conversationId?: string;
  readonly locale?: string;
  readonly customer?: Customer;
  /** Expiry, in seconds since the epoch. */
  readonly exp: number;
}

const claimsSchema = z.object({
  v: z.literal(1),
  kind: z.literal('directline'),
  userId: z.string().min(1),
  userName: z.string().optional(),
  conversationId: z.string().optional(),
  locale: z.string().optional(),
  customer: customerSchema.optional(),
  exp: z.number().int(),
});

export type TokenCheck =
  | { readonly ok: true; readonly claims: TokenClaims }
  | {
      readonly ok: false;
      readonly status: 401 | 403;
      readonly code: 'TokenMissing' | 'TokenInvalid' | 'TokenExpired';
      readonly message: string;
    };

/** Issues and checks HMAC-signed Direct Line tokens; any instance with the same secret can check them. */
export class DirectLineTokens {
  constructor(
    private readonly secret: string,
    readonly ttlSeconds: number,
    private readonly clock: () => Date,
  ) {}

  issue(claims: Omit<TokenClaims, 'exp'>): { token: string; expires_in: number } {
    const exp = Math.floor(this.clock().getTime() / 1000) + this.ttlSeconds;
    const payload = {
      v: 1,
      kind: 'directline',
      userId: claims.userId,
      ...(claims.userName ? { userName: claims.userName } : {}),
      ...(claims.conversationId ? { conversationId: claims.conversationId } : {}),
      ...(claims.locale ? { locale: claims.locale } : {}),
      ...(claims.customer ? { customer: claims.customer } : {}),
      exp,
    };
    return { token: signToken(payload, this.secret), expires_in: this.ttlSeconds };
  }

  /** Checks an `Authorization` header: missing or bad → 401, expired → 403 (what clients read as "refresh"). */
  check(authorization: string | undefined): TokenCheck {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '');
    if (!match?.[1])
      return {
        ok: false,
        status: 401,
        code: 'TokenMissing',
        message: 'an "Authorization: Bearer <token>" header is required',
      };
    const read = readToken(match[1], this.secret, claimsSchema);
    if (!read.ok)
      return {
        ok: false,
        status: 401,
        code: 'TokenInvalid',
        message: `the token is not valid (${read.problem})`,
      };
    const { v: _v, kind: _kind, ...claims } = read.payload;
    if (claims.exp * 1000 <= this.clock().getTime())
      return {
        ok: false,
        status: 403,
        code: 'TokenExpired',
        message: 'the token has expired: get a new one',
      };
    return { ok: true, claims };
  }
}
