/**
 * Every `lambda-cassette` command as a row: its help texts, arguments, options and the module that
 * runs it. program.ts turns the rows into commander commands; a new command is a row in
 * endpoint-commands.ts or file-commands.ts, listed here, and a module of its own. Each module (and
 * the packages it needs: json-schema-to-typescript, cli-table3, the engine) loads only when its
 * command runs: `--help` and `validate` in a pre-commit hook stay quick.
 */
import type { CommandSpec } from './command-spec.js';
import { SERVE_COMMAND, VERIFY_COMMAND } from './endpoint-commands.js';
import {
  INSPECT_COMMAND,
  MIGRATE_COMMAND,
  PRUNE_COMMAND,
  REDACT_COMMAND,
  TYPEGEN_COMMAND,
  VALIDATE_COMMAND,
} from './file-commands.js';

/** The commands in the order `--help` lists them. */
export const COMMANDS: readonly CommandSpec[] = [
  SERVE_COMMAND,
  INSPECT_COMMAND,
  VALIDATE_COMMAND,
  REDACT_COMMAND,
  MIGRATE_COMMAND,
  TYPEGEN_COMMAND,
  VERIFY_COMMAND,
  PRUNE_COMMAND,
];
