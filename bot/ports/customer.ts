import { z } from 'zod';

/** Who the customer is, as the site's backend vouches for it. Absent for anonymous visitors. */
export const customerSchema = z.strictObject({
  id: z.string().trim().min(1).max(128),
  name: z.string().trim().max(200).optional(),
  email: z.email().optional(),
  vip: z.boolean().default(false),
  /** A business (B2B) account, which has an account manager. */
  b2b: z.boolean().default(false),
  /** B2B: the agent id of the account's manager, who gets the conversation first while online. */
  accountManagerId: z
    .string()
    .max(200)
    .regex(/^[^\s{}]+$/, 'an agent id: no whitespace or braces')
    .optional(),
});

export type Customer = z.output<typeof customerSchema>;
