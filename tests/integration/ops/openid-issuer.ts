import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The issuer the Bot Framework channels sign with (what botbuilder expects in `iss`). */
export const CHANNEL_ISSUER = 'https://api.botframework.com';

export interface SigningKey {
  readonly kid: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

export function newSigningKey(kid: string): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, privateKey, publicKey };
}

const base64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');

/** An RS256 JWT, as a Bot Framework channel would send in `Authorization: Bearer`. */
export function signJwt(key: SigningKey, claims: Record<string, unknown>): string {
  const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: key.kid }));
  const payload = base64url(JSON.stringify(claims));
  const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(key.privateKey);
  return `${header}.${payload}.${base64url(signature)}`;
}

/**
 * A local OpenID provider: `/.well-known/openid-configuration` pointing to `/keys`, the JWKS of
 * the published keys, each endorsed for the given channels (as the Bot Framework's are).
 */
export class LocalOpenIdProvider {
  private server?: Server;
  url = '';
  /** Requests received, by path (the test sees botbuilder fetch the metadata). */
  readonly hits: string[] = [];

  constructor(
    private readonly keys: readonly SigningKey[],
    private readonly endorsements: readonly string[],
  ) {}

  get metadataUrl(): string {
    return `${this.url}/.well-known/openid-configuration`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.hits.push(req.url ?? '');
      const send = (body: unknown) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.url === '/.well-known/openid-configuration')
        return send({
          issuer: CHANNEL_ISSUER,
          jwks_uri: `${this.url}/keys`,
          id_token_signing_alg_values_supported: ['RS256'],
          token_endpoint_auth_methods_supported: ['private_key_jwt'],
        });
      if (req.url === '/keys')
        return send({
          keys: this.keys.map((k) => ({
            ...k.publicKey.export({ format: 'jwk' }),
            kid: k.kid,
            kty: 'RSA',
            use: 'sig',
            endorsements: this.endorsements,
          })),
        });
      res.writeHead(404);
      res.end();
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
