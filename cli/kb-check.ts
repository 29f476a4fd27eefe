import { formatIssue, KbError, loadKnowledgeBase } from '../knowledge-base';
import { CliError } from './cli-error';

export async function kbCheck(files: readonly string[], out: NodeJS.WritableStream): Promise<number> {
  if (files.length === 0) throw new CliError('usage: relais kb check FILE…');
  try {
    const kb = await loadKnowledgeBase(files);
    for (const f of kb.files) {
      const entries = kb.entries.filter((e) => e.source === f.file);
      const phrasings = entries.reduce((n, e) => n + 1 + e.alternates.length, 0);
      const escalating = entries.filter((e) => e.escalate).length;
      out.write(
        `${f.file}: ok — ${f.locale}, ${f.entries} entries, ${phrasings} phrasings, ${escalating} always escalated${f.outOfScope > 0 ? `, ${f.outOfScope} out-of-scope examples` : ''}${f.demo ? ', demo content' : ''}\n`,
      );
    }
    return 0;
  } catch (err) {
    if (!(err instanceof KbError)) throw err;
    for (const issue of err.issues) out.write(`${formatIssue(issue)}\n`);
    out.write(`${err.issues.length} problem${err.issues.length === 1 ? '' : 's'}; nothing loaded\n`);
    return 1;
  }
}
