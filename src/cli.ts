/**
 * The `lambda-cassette` command. Today it answers `--version` and `--help`; the cassette commands
 * (serve, inspect, validate, redact, migrate, typegen) are added here.
 */
import { readFileSync } from 'node:fs';

const HELP = `Usage: lambda-cassette <command> [options]

Options:
  --version   print the version
  --help      print this help
`;

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function main(argv: readonly string[]): number {
  const [first] = argv;
  if (first === '--version' || first === '-v') {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  if (first === undefined || first === '--help' || first === '-h') {
    process.stdout.write(HELP);
    return first === undefined ? 1 : 0;
  }
  process.stderr.write(`lambda-cassette: unknown command "${first}"\n\n${HELP}`);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
