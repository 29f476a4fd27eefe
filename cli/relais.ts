#!/usr/bin/env node
import { formatIssue, KbError } from '../knowledge-base';
import { one, parseArgs } from './args';
import { CliError } from './cli-error';
import { clusterResume, CLUSTER_USAGE } from './cluster-resume';
import { kbAsk } from './kb-ask';
import { kbCheck } from './kb-check';
import { kbEval, KB_EVAL_USAGE } from './kb-eval';
import { kbExport, KB_EXPORT_USAGE } from './kb-export';
import { kbImport, KB_IMPORT_USAGE } from './kb-import';
import { privacyErase, PRIVACY_USAGE } from './privacy-erase';

const USAGE = `usage:
  relais kb check FILE…
  relais kb ask --kb FILE [--kb FILE…] [--locale fr|en] [--json] "text"
  ${KB_EVAL_USAGE}
  ${KB_IMPORT_USAGE}
  ${KB_EXPORT_USAGE}
  ${PRIVACY_USAGE}
  ${CLUSTER_USAGE}`;

export async function main(argv: readonly string[]): Promise<number> {
  const [group, command, ...rest] = argv;
  if (group === 'privacy' && command === 'erase') {
    const args = parseArgs(rest, ['customer', 'redis', 'prefix']);
    if (args.positionals.length > 0)
      throw new CliError(`unexpected argument "${args.positionals[0]}"\n${USAGE}`);
    const [customer, redis, prefix] = [one(args, 'customer'), one(args, 'redis'), one(args, 'prefix')];
    return privacyErase(
      {
        ...(customer !== undefined ? { customer } : {}),
        ...(redis !== undefined ? { redis } : {}),
        ...(prefix !== undefined ? { prefix } : {}),
      },
      process.env,
      process.stdout,
    );
  }
  if (group === 'cluster' && command === 'resume-migration') {
    const args = parseArgs(rest, ['node', 'slot'], ['merge']);
    if (args.positionals.length > 0)
      throw new CliError(`unexpected argument "${args.positionals[0]}"\n${USAGE}`);
    return clusterResume(
      {
        nodes: args.options.get('node') ?? [],
        slots: args.options.get('slot') ?? [],
        merge: args.flags.has('merge'),
      },
      process.stdout,
    );
  }
  if (group !== 'kb' || !command) throw new CliError(USAGE);
  switch (command) {
    case 'check':
      return kbCheck(parseArgs(rest, []).positionals, process.stdout);
    case 'ask': {
      const args = parseArgs(rest, ['kb', 'locale'], ['json']);
      return kbAsk(
        args.options.get('kb') ?? [],
        args.positionals.join(' '),
        one(args, 'locale'),
        args.flags.has('json'),
        process.stdout,
      );
    }
    case 'eval': {
      const args = parseArgs(rest, [
        'kb',
        'queries',
        'calibration',
        'out',
        'max-wrong',
        'min-oos-recall',
        'encoder',
        'encoder-pass',
      ]);
      if (args.positionals.length > 0)
        throw new CliError(`unexpected argument "${args.positionals[0]}"\n${USAGE}`);
      return kbEval(
        {
          kb: args.options.get('kb') ?? [],
          queries: one(args, 'queries'),
          calibration: one(args, 'calibration'),
          out: one(args, 'out'),
          maxWrong: one(args, 'max-wrong'),
          minOosRecall: one(args, 'min-oos-recall'),
          encoder: one(args, 'encoder'),
          encoderPass: one(args, 'encoder-pass'),
        },
        process.stdout,
        process.stderr,
      );
    }
    case 'import': {
      const args = parseArgs(rest, ['from', 'locale', 'out']);
      return kbImport(
        {
          from: one(args, 'from'),
          locale: one(args, 'locale'),
          out: one(args, 'out'),
          files: args.positionals,
        },
        process.stdout,
      );
    }
    case 'export': {
      const args = parseArgs(rest, ['kb', 'to']);
      return kbExport(
        { kb: args.options.get('kb') ?? [], to: one(args, 'to'), files: args.positionals },
        process.stdout,
      );
    }
    default:
      throw new CliError(`unknown command "kb ${command}"\n${USAGE}`);
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (err: unknown) => {
      if (err instanceof CliError) {
        process.stderr.write(`relais: ${err.message}\n`);
        process.exitCode = err.exitCode;
      } else if (err instanceof KbError) {
        process.stderr.write(
          `relais: knowledge base refused:\n${err.issues.map((i) => `  ${formatIssue(i)}`).join('\n')}\n`,
        );
        process.exitCode = 2;
      } else {
        process.stderr.write(`relais: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
        process.exitCode = 1;
      }
    },
  );
}
