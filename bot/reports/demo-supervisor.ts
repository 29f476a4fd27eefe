import { randomBytes } from 'node:crypto';
import type { Config } from '../config';
import { sha256Hex } from './supervisor-config';

/**
 * For `npm start` outside production: when no supervisor token is configured, one is made for this
 * run (and printed), so a new user can open the dashboard. Production never gets a default.
 */
export function withDemoSupervisor(
  config: Config,
  env: Readonly<Record<string, string | undefined>>,
): { readonly config: Config; readonly demoToken?: string } {
  if (config.supervisor || env.NODE_ENV === 'production') return { config };
  const demoToken = randomBytes(18).toString('base64url');
  return { config: { ...config, supervisor: { tokenSha256: sha256Hex(demoToken) } }, demoToken };
}
