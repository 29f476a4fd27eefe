import { CliError } from './cli-error';

/** Parsed command line: repeatable `--name value` options, `--flag`s and positionals. */
export interface ParsedArgs {
  readonly options: ReadonlyMap<string, readonly string[]>;
  readonly flags: ReadonlySet<string>;
  readonly positionals: readonly string[];
}

export function parseArgs(
  argv: readonly string[],
  valued: readonly string[],
  flagNames: readonly string[] = [],
): ParsedArgs {
  const options = new Map<string, string[]>();
  const flags = new Set<string>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      if (flagNames.includes(name)) {
        flags.add(name);
        continue;
      }
      if (!valued.includes(name)) throw new CliError(`unknown option --${name}`);
      const value = inline ?? argv[++i];
      if (value === undefined) throw new CliError(`--${name} needs a value`);
      options.set(name, [...(options.get(name) ?? []), value]);
    } else positionals.push(arg);
  }
  return { options, flags, positionals };
}

export function one(args: ParsedArgs, name: string): string | undefined {
  const values = args.options.get(name);
  if (values && values.length > 1) throw new CliError(`--${name} may be given once`);
  return values?.[0];
}
