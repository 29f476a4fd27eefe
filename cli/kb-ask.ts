import { Faq, toLocale, type Decision } from '../knowledge-base';
import { CliError } from './cli-error';

export async function kbAsk(
  files: readonly string[],
  text: string | undefined,
  locale: string | undefined,
  json: boolean,
  out: NodeJS.WritableStream,
): Promise<number> {
  if (files.length === 0 || !text)
    throw new CliError('usage: relais kb ask --kb FILE [--kb FILE…] [--locale fr|en] [--json] "text"');
  const hint = locale === undefined ? undefined : toLocale(locale);
  if (locale !== undefined && hint === undefined)
    throw new CliError(`--locale: unknown locale "${locale}" (fr or en)`);
  const faq = await Faq.load(files);
  const decision = await faq.match(text, hint ? { locale: hint } : {});
  out.write(json ? `${JSON.stringify(describe(decision))}\n` : render(decision));
  return 0;
}

function describe(d: Decision): Record<string, unknown> {
  return {
    decision: d.decision,
    locale: d.locale,
    confidence: d.confidence,
    ...(d.decision === 'answer' ? { answerId: d.entry.id, answer: d.entry.answer } : {}),
    ...(d.decision === 'clarify' ? { options: d.options.map((o) => o.id) } : {}),
    ...(d.decision === 'escalate' ? { reason: d.reason } : {}),
    candidates: d.candidates,
    explanation: d.explanation,
  };
}

function render(d: Decision): string {
  const lines = [
    `decision:    ${d.decision}${d.decision === 'escalate' ? ` (${d.reason})` : ''}`,
    `language:    ${d.locale}`,
    `confidence:  ${d.confidence.toFixed(3)}`,
  ];
  if (d.decision === 'answer') lines.push(`answer:      [${d.entry.id}] ${d.entry.answer}`);
  if (d.decision === 'clarify')
    lines.push(`did you mean: ${d.options.map((o) => `[${o.id}] ${o.question}`).join(' | ')}`);
  lines.push('candidates:');
  for (const c of d.candidates) lines.push(`  ${c.score.toFixed(3)}  ${c.id}  ${c.question}`);
  lines.push(`explanation: ${d.explanation}`);
  return `${lines.join('\n')}\n`;
}
