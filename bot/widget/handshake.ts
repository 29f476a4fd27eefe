import { z } from 'zod';
import type { ProactiveRule, ProactiveRules } from './proactive-rules';

/** GET /api/widget/config?origin=…: the page's origin, as the widget read it from location.origin. */
export const handshakeQuery = z.strictObject({
  origin: z
    .string()
    .max(300)
    .refine((text) => {
      try {
        const url = new URL(text);
        return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === text;
      } catch {
        return false;
      }
    }, 'must be an http(s) origin such as https://www.example.fr (no path, no trailing slash)'),
});

export type Handshake =
  | { readonly allowed: false }
  | {
      readonly allowed: true;
      /** Whether people answer now (business hours); when not, only `botOnly` rules are given. */
      readonly supportOpen: boolean;
      /** The rules that may fire on this visit. */
      readonly rules: readonly ProactiveRule[];
    };

/** What the widget is told: nothing for a site not listed; the rules that may fire now otherwise. */
export function handshake(allowed: boolean, supportOpen: boolean, rules: ProactiveRules): Handshake {
  if (!allowed) return { allowed: false };
  return { allowed: true, supportOpen, rules: supportOpen ? rules : rules.filter((r) => r.botOnly) };
}
