import { table } from '../support/table';
import { ACK_MESSAGES, type AckComparison, type AckWaitResult } from './ack-wait';

const LABELS: Readonly<Record<AckComparison['path'], string>> = {
  directline: 'Direct Line customer append',
  relay: 'relay log appendOnce',
};

const round = (n: number, digits = 3): number => Number(n.toFixed(digits));

/** The readable table: one row per code path and concurrency, wait 0 beside wait 1. */
export function ackWaitTable(result: AckWaitResult, rounds: number): string {
  const header =
    `Replica wait (primary + 1 replica on 127.0.0.1, no persistence): ${ACK_MESSAGES} acknowledged customer ` +
    `messages per run, wait 0 vs WAIT 1 500, one connection, median of ${rounds} rounds after one untimed; ` +
    `short waits: ${result.shortWaits}\n\n`;
  const rows = result.cells.map((c) => [
    LABELS[c.path],
    c.concurrency,
    Math.round(c.wait0.opsPerSecond),
    Math.round(c.wait1.opsPerSecond),
    c.wait0.p50Ms,
    c.wait1.p50Ms,
    c.wait0.p99Ms,
    c.wait1.p99Ms,
    c.ratioPerSecond.toFixed(2),
    c.ratioP50.toFixed(2),
    c.ratioP99.toFixed(2),
  ]);
  return `${header}${table([
    [
      'acknowledgement',
      'in flight',
      'acks/s w0',
      'acks/s w1',
      'p50 ms w0',
      'p50 ms w1',
      'p99 ms w0',
      'p99 ms w1',
      'acks/s ×',
      'p50 ×',
      'p99 ×',
    ],
    ...rows,
  ])}\n\n`;
}

/** Fields for the final JSON line: ack_<path>_c<concurrency>_wait<0|1>_…, and the wait1/wait0 ratios. */
export function ackWaitFields(result: AckWaitResult): Record<string, number> {
  const fields: Record<string, number> = {
    ack_messages: ACK_MESSAGES,
    ack_wait1_short_waits: result.shortWaits,
  };
  for (const c of result.cells) {
    const cell = `ack_${c.path}_c${c.concurrency}`;
    for (const [wait, m] of [
      ['wait0', c.wait0],
      ['wait1', c.wait1],
    ] as const) {
      fields[`${cell}_${wait}_per_s`] = Math.round(m.opsPerSecond);
      fields[`${cell}_${wait}_p50_ms`] = round(m.p50Ms);
      fields[`${cell}_${wait}_p99_ms`] = round(m.p99Ms);
    }
    fields[`${cell}_wait_ratio_per_s`] = round(c.ratioPerSecond, 2);
    fields[`${cell}_wait_ratio_p50`] = round(c.ratioP50, 2);
    fields[`${cell}_wait_ratio_p99`] = round(c.ratioP99, 2);
  }
  return fields;
}
