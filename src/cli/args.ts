/// <reference types="node" />
/**
 * The command's arguments, read by hand so that every message speaks of
 * flags (`--time-zone`), never of the library's option names or of Node's
 * option parser.
 *
 * @module
 */

import { availableParallelism } from 'node:os';
import { PostParseError } from '../errors.js';
import { parsePost, type ParseOptions } from '../parse-post.js';
import { FORMATS, type Format } from './formats.js';
import { printable } from './escape.js';

/** A usage error: the message is for the user, with a hint to `--help`. */
export class UsageError extends Error {}

/** What the command was asked to do. */
export interface CliOptions {
  paths: string[];
  format: Format;
  dedupe: boolean;
  jobs: number;
  progress: boolean;
  failOnWarning: boolean;
  parse: Omit<ParseOptions, 'fileName'>;
  /** `--file-name`: the name of the post on standard input. */
  fileName: string | undefined;
  help: boolean;
  version: boolean;
}

type Flag = 'format' | 'jobs' | 'time-zone' | 'base-url' | 'max-input-bytes' | 'file-name' | 'encoding';
const VALUED: Record<string, Flag> = {
  '--format': 'format',
  '-f': 'format',
  '--jobs': 'jobs',
  '-j': 'jobs',
  '--time-zone': 'time-zone',
  '--base-url': 'base-url',
  '--max-input-bytes': 'max-input-bytes',
  '--file-name': 'file-name',
  '--encoding': 'encoding',
};
const SWITCHES = ['--dedupe', '--strict', '--fail-on-warning', '--no-progress', '--help', '-h', '--version', '-v'];
const MAX_JOBS = 256;

/** Reads `argv` (without `node` and the script); throws {@link UsageError}. */
export function readArgs(argv: readonly string[]): CliOptions {
  const values: Partial<Record<Flag, string>> = {};
  const switches = new Set<string>();
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      paths.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      paths.push(arg);
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq === -1 ? arg : arg.slice(0, eq);
    const flag = VALUED[name];
    if (flag !== undefined) {
      const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined) throw new UsageError(`${name} needs a value`);
      values[flag] = value;
    } else if (SWITCHES.includes(name)) {
      if (eq !== -1) throw new UsageError(`${name} takes no value`);
      switches.add(name);
    } else {
      throw new UsageError(`unknown option ${printable(name)}`);
    }
  }
  const format = values.format ?? 'jsonl';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not ${JSON.stringify(format)}`);
  }
  if (paths.filter((path) => path === '-').length > 1) throw new UsageError('standard input (-) can be read only once');
  const fileName = values['file-name'];
  if (fileName !== undefined && paths.length > 0 && !paths.includes('-')) {
    throw new UsageError('--file-name names the post on standard input; add - to the paths, or give no path');
  }
  return {
    paths,
    format: format as Format,
    dedupe: switches.has('--dedupe'),
    jobs: values.jobs === undefined ? availableParallelism() : readJobs(values.jobs),
    progress: !switches.has('--no-progress'),
    failOnWarning: switches.has('--fail-on-warning'),
    parse: parseOptions(values, switches.has('--strict')),
    fileName,
    help: switches.has('--help') || switches.has('-h'),
    version: switches.has('--version') || switches.has('-v'),
  };
}

function readJobs(text: string): number {
  const jobs = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(jobs >= 1 && jobs <= MAX_JOBS)) throw new UsageError(`--jobs must be a whole number from 1 to ${MAX_JOBS}, not ${JSON.stringify(text)}`);
  return jobs;
}

const UNITS: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** `10485760`, `512k`, `10M`, `1G` (powers of 1024; `KiB`, `MB`… also read so). */
export function readSize(text: string): number {
  const match = /^(\d{1,15})\s*([kmg]?)(?:i?b)?$/i.exec(text.trim());
  const bytes = match === null ? NaN : Number(match[1]) * UNITS[match[2]!.toLowerCase()]!;
  if (!Number.isSafeInteger(bytes)) {
    throw new UsageError(`--max-input-bytes must be a size such as 10485760, 512K or 10M, not ${JSON.stringify(text)}`);
  }
  return bytes;
}

function parseOptions(values: Partial<Record<Flag, string>>, strict: boolean): Omit<ParseOptions, 'fileName'> {
  const options: Omit<ParseOptions, 'fileName'> = { strict };
  if (values['max-input-bytes'] !== undefined) options.maxInputBytes = readSize(values['max-input-bytes']);
  const zone = values['time-zone'];
  if (zone !== undefined) {
    options.timeZone = zone;
    if (!accepted({ timeZone: zone })) {
      throw new UsageError(`--time-zone: unknown time zone ${JSON.stringify(zone)}; give an IANA name such as Asia/Shanghai or UTC`);
    }
  }
  const base = values['base-url'];
  if (base !== undefined) {
    options.baseUrl = base;
    if (!accepted({ baseUrl: base })) throw new UsageError(`--base-url must be an absolute http(s) address, not ${JSON.stringify(base)}`);
  }
  const encoding = values.encoding;
  if (encoding !== undefined) {
    options.encoding = encoding;
    if (!accepted({ encoding })) {
      throw new UsageError(`--encoding: this Node.js cannot decode ${JSON.stringify(encoding)}; give a label such as utf-8, gbk or gb18030`);
    }
  }
  return options;
}

/** Whether `parsePost` accepts the option (it throws `invalid-option` or `unsupported-encoding` otherwise). */
function accepted(options: ParseOptions): boolean {
  try {
    parsePost('', options);
    return true;
  } catch (error) {
    if (error instanceof PostParseError && (error.code === 'invalid-option' || error.code === 'unsupported-encoding')) return false;
    throw error;
  }
}
