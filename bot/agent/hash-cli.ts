import { hashPassword } from './credentials';

/** `npm run agent:hash -- <password>` (or the password on stdin): prints the scrypt hash for AGENTS. */
async function main(): Promise<void> {
  let password = process.argv[2];
  if (password === undefined) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
    password = Buffer.concat(chunks)
      .toString('utf8')
      .replace(/\r?\n$/, '');
  }
  if (password.length < 8) {
    process.stderr.write('agent:hash: the password must have at least 8 characters\n');
    process.exitCode = 2;
    return;
  }
  process.stdout.write(`${await hashPassword(password)}\n`);
}

// A failed hash (scrypt) is a message and exit code 1, not an unhandled rejection.
main().catch((error: unknown) => {
  process.stderr.write(`agent:hash: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
