import type { Activity } from 'botbuilder';
import { z } from 'zod';
import { customerSchema, type Customer } from '../ports/customer';
import { readToken, signToken } from './signed-token';

/**
 * The customer's identity travels on the activity as `channelData.relaisCustomer`, signed with
 * the server's secret by the channel that verified it (the local Direct Line). A plain claim in
 * channelData proves nothing, so the bot trusts only a valid signature.
 */
export const IDENTITY_FIELD = 'relaisCustomer';

const assertionSchema = z.object({ customer: customerSchema });

export function signIdentity(customer: Customer, secret: string): string {
  return signToken({ customer }, secret);
}

export function identifyWith(secret: string): (activity: Partial<Activity>) => Customer | undefined {
  return (activity) => {
    const channelData: unknown = activity.channelData;
    if (typeof channelData !== 'object' || channelData === null) return undefined;
    const assertion = (channelData as Record<string, unknown>)[IDENTITY_FIELD];
    if (typeof assertion !== 'string') return undefined;
    const read = readToken(assertion, secret, assertionSchema);
    return read.ok ? read.payload.customer : undefined;
  };
}
