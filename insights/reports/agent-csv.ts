import type { AgentFigures } from './agent-figures';
import { csvCell, type CsvOptions } from './csv';

export const AGENT_CSV_COLUMNS = [
  'agent_id',
  'agent_name',
  'handled',
  'passed_on',
  'first_reply_median_ms',
  'first_reply_count',
  'handling_median_ms',
  'handling_count',
  'ces',
  'ces_sum',
  'ces_count',
] as const;

/** The per-agent figures as CSV (same quoting and line ends as the surveys' export). */
export function agentFiguresToCsv(
  agents: readonly AgentFigures[],
  names: Readonly<Record<string, string>> = {},
  options: Pick<CsvOptions, 'separator'> = {},
): string {
  const separator = options.separator ?? ',';
  const rows = agents.map((a) =>
    [
      a.agentId,
      names[a.agentId],
      a.handled,
      a.passedOn,
      a.firstReply.median === undefined ? undefined : Math.round(a.firstReply.median),
      a.firstReply.count,
      a.handling.median === undefined ? undefined : Math.round(a.handling.median),
      a.handling.count,
      a.ces === undefined ? undefined : Math.round(a.ces.value * 100) / 100,
      a.ces?.sum ?? 0,
      a.ces?.count ?? 0,
    ]
      .map((v) => csvCell(v, separator))
      .join(separator),
  );
  return [AGENT_CSV_COLUMNS.join(separator), ...rows].map((line) => `${line}\r\n`).join('');
}
