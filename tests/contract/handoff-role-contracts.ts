import { agentDeskContract } from './agent-desk.contract';
import { agentRosterContract } from './agent-roster.contract';
import type { QueueFactory } from './handoff-queue-setup';
import { sweepsContract } from './sweeps.contract';
import { ticketBookContract } from './ticket-book.contract';
import { waitingLineContract } from './waiting-line.contract';

/** Every role's contract (handoff/roles/), on one store. */
export function handoffRoleContracts(name: string, makeQueue: QueueFactory): void {
  waitingLineContract(name, makeQueue);
  agentDeskContract(name, makeQueue);
  agentRosterContract(name, makeQueue);
  ticketBookContract(name, makeQueue);
  sweepsContract(name, makeQueue);
}
