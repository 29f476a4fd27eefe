import type { AppDeps } from '../server';
import type { ErasureStores } from './customer-erasure';

/**
 * Where a running server keeps one conversation's traces (bot state, Direct Line log, relayed
 * lines, uploads, handoff record): what a customer's erasure and the retention purge delete.
 */
export function traceStoresOf(
  deps: Pick<AppDeps, 'storage' | 'directLineStore' | 'agent' | 'customerConversations' | 'history'>,
): Omit<ErasureStores, 'surveys'> {
  const agent = deps.agent;
  return {
    storage: deps.storage,
    directLine: deps.directLineStore,
    ...(deps.customerConversations ? { customers: deps.customerConversations } : {}),
    ...(deps.history ? { history: deps.history } : {}),
    ...(agent
      ? {
          relay: agent.store,
          queue: agent.queue,
          ...(agent.uploads ? { uploads: agent.uploads } : {}),
          ...(agent.emailLinks ? { emailLinks: agent.emailLinks } : {}),
        }
      : {}),
  };
}
