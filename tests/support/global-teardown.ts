import { stopAll, type SharedRedis } from './shared-redis';

export default async function globalTeardown(): Promise<void> {
  const shared = (globalThis as { __relaisRedis?: SharedRedis }).__relaisRedis;
  if (shared) await stopAll([shared.server, shared.cluster, shared.sentinel]);
}
