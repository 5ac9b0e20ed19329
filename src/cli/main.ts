#!/usr/bin/env node
/// <reference types="node" />
/**
 * The `emnews` command (the package's bin). Node.js only: the library
 * (the `index` module) never imports it. See docs/command.md.
 *
 * @module
 */

import { readFileSync } from 'node:fs';
import { readArgs, UsageError } from './args.js';
import { printable } from './escape.js';
import { INTERNAL, OK, USAGE } from './formats.js';
import { HELP, SHORT_USAGE } from './help.js';
import { run } from './run.js';

async function main(argv: string[]): Promise<number> {
  const options = readArgs(argv);
  if (options.help) {
    process.stdout.write(HELP);
    return OK;
  }
  if (options.version) {
    process.stdout.write(`${version()}\n`);
    return OK;
  }
  if (options.paths.length === 0 && process.stdin.isTTY === true) {
    // Nothing to read: waiting on the keyboard would look like a hang.
    process.stderr.write(SHORT_USAGE);
    return USAGE;
  }
  return run(options);
}

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

// A closed pipe (`emnews folder | head`) ends the run quietly, as in other tools.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? OK);
  process.stderr.write(`emnews: cannot write the output: ${error.message}\n`);
  process.exit(INTERNAL);
});

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`emnews: ${error.message}\nTry 'emnews --help'.\n`);
      process.exitCode = USAGE;
    } else {
      const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
      process.stderr.write(`emnews: internal error (a bug: please report it): ${printable(text).replaceAll('\\n', '\n')}\n`);
      process.exitCode = INTERNAL;
    }
  },
);
