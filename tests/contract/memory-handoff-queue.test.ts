import { MemoryHandoffQueue } from '../../handoff';
import { handoffQueueContract } from './handoff-queue.contract';

handoffQueueContract('memory', async ({ clock, config }) => new MemoryHandoffQueue({ clock, config }));
