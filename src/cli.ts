/**
 * The `lambda-cassette` command (the package's bin): serve, inspect, validate, redact, migrate and
 * typegen. Exit codes: 0 ok, 1 findings or failures, 2 usage error (see `lambda-cassette --help`).
 */
import { processIo } from './cli/cli-io.js';
import { runCli } from './cli/program.js';

const io = processIo();
const code = await runCli(process.argv.slice(2), io);
// Let stdout and stderr drain, then exit even if a keep-alive socket (forwarding) lingers.
process.exitCode = code;
process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
