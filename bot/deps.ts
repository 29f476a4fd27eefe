import { randomBytes } from 'node:crypto';
import { MemoryStorage } from 'botbuilder';
import { Faq } from '../knowledge-base/index';
import type { Config } from './config';
import { InMemoryDirectLineStore } from './directline/store';
import type { Log } from './log';
import { DemoBackOffice } from './ports/demo-back-office';
import { thankYouClosing } from './ports/closing';
import { InMemoryHandoffRecorder } from './ports/handoff';
import { identifyWith } from './security/identity';
import type { AppDeps } from './server';

/** The production set of dependencies: the KB from the configured files and in-memory stores. */
export async function buildDeps(config: Config, log: Log): Promise<AppDeps & { readonly durable: boolean }> {
  const faq = await Faq.load(config.kbFiles, { defaultLocale: config.defaultLocale });
  // Without a configured secret, tokens are signed with a per-process key: they die with the process.
  const tokenSecret = config.tokenSecret ?? randomBytes(32).toString('hex');
  return {
    bot: {
      faq,
      handoff: new InMemoryHandoffRecorder(),
      backOffice: new DemoBackOffice(),
      closing: thankYouClosing,
      supportHours: config.supportHours,
      clock: () => new Date(),
      identify: identifyWith(tokenSecret),
    },
    storage: new MemoryStorage(),
    directLineStore: new InMemoryDirectLineStore(),
    tokenSecret,
    log,
    durable: false,
  };
}
