import { randomBytes } from 'node:crypto';
import type { Config } from '../config';
import { hashPassword } from './credentials';

export interface DemoAgent {
  readonly id: string;
  readonly password: string;
}

/**
 * For `npm start` outside production: when no agent account is configured, one demo agent
 * (French and English) is made for this run with a random password, printed at start, so a new
 * user can open the agent console. Production never gets a default account.
 */
export async function withDemoAgent(
  config: Config,
  env: Readonly<Record<string, string | undefined>>,
): Promise<{ readonly config: Config; readonly demoAgent?: DemoAgent }> {
  if (config.agentsJson !== undefined || config.agentsFile !== undefined || env.NODE_ENV === 'production') {
    return { config };
  }
  const demoAgent = { id: 'demo', password: randomBytes(12).toString('base64url') };
  const account = {
    id: demoAgent.id,
    name: 'Agent démo',
    // What the demo's customers see when this agent joins ("Camille du service Client…").
    displayName: 'Camille',
    languages: ['fr', 'en'],
    capacity: 3,
    passwordHash: await hashPassword(demoAgent.password),
  };
  return { config: { ...config, agentsJson: JSON.stringify([account]) }, demoAgent };
}
