import { MemoryHandoffQueue } from '../../handoff';
import { handoffRoleContracts } from './handoff-role-contracts';

handoffRoleContracts('memory', async ({ clock, config }) => new MemoryHandoffQueue({ clock, config }));
