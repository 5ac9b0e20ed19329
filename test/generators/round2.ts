/**
 * The properties of issue 13 (hostile input, round two), registered in
 * test/properties.ts so `npm test` runs them with a fixed seed and
 * `npm run fuzz` with random ones. Each class has its generator here:
 * long runs of one character (runs.ts), large front matter (yaml.ts),
 * output amplification (amplification.ts), hiding styles (styles.ts), ad
 * look-alikes (hosts.ts), and YAML that made the library write to the
 * console (yaml.ts).
 */

import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { parseBody, parsePost, type Body, type Post } from 'emnews';
import { readFrontMatter } from '../../src/_lib/front-matter.ts';
import { createWarnings } from '../../src/_lib/warnings.ts';
import { attempt, invariantProblems } from '../invariants.ts';
import { amplifier, amplifierBody } from './amplification.ts';
import { adLikeHref, isAdHost } from './hosts.ts';
import { run, runPost } from './runs.ts';
import { hidingStyle } from './styles.ts';
import { aliasHeavy, complexKeys, frontMatterPost, frontMatterShape, frontMatterText } from './yaml.ts';

const MAX = { maxInputBytes: 64 * 1024 * 1024 };

/** The least CPU time (ms) of `times` parses of `text`: CPU time, so other processes on the machine count less. */
function cpuMilliseconds(text: string, times: number): number {
  let least = Infinity;
  for (let i = 0; i < times; i++) {
    const start = process.cpuUsage();
    attempt(() => parsePost(text, MAX));
    const used = process.cpuUsage(start);
    least = Math.min(least, (used.user + used.system) / 1000);
  }
  return least;
}

/**
 * Parsing `large` (`factor` times `small`) must take at most 4 × factor
 * times as long as `small`, plus 20 ms: a quadratic step takes factor ×
 * factor. Not a speed test: the margin is wide, and a slow attempt (a
 * collection, a busy machine) is measured again, twice.
 */
function assertLinear(small: string, large: string, factor: number, what: string): void {
  let report = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    const short = cpuMilliseconds(small, 3);
    const long = cpuMilliseconds(large, 2);
    if (long <= 4 * factor * short + 20) return;
    report = `${long.toFixed(1)} ms for ${large.length} characters, ${short.toFixed(1)} ms for ${small.length}`;
  }
  throw new Error(`super-linear time on ${what}: ${report}`);
}

function assertInvariants(result: Post | Body | null, input: string): void {
  if (result === null) return;
  const problems = invariantProblems(result, input);
  if (problems.length > 0) throw new Error(`broken invariants:\n${problems.join('\n')}`);
}

/** Runs `parse` with the console, the standard streams and process warnings watched; returns what was written. */
function written(parse: () => void): string[] {
  const calls: string[] = [];
  const record = (...args: unknown[]): boolean => calls.push(args.map(String).join(' ')) > 0;
  const saved = { emitWarning: process.emitWarning, out: process.stdout.write, err: process.stderr.write, console: { ...console } };
  process.emitWarning = record as typeof process.emitWarning;
  process.stdout.write = record as typeof process.stdout.write;
  process.stderr.write = record as typeof process.stderr.write;
  for (const method of ['log', 'warn', 'error', 'info', 'debug', 'trace', 'dir'] as const) console[method] = record;
  try {
    attempt(parse);
  } finally {
    process.emitWarning = saved.emitWarning;
    process.stdout.write = saved.out;
    process.stderr.write = saved.err;
    Object.assign(console, saved.console);
  }
  return calls;
}

const property = <T>(name: string, arbitrary: fc.Arbitrary<T>, predicate: (value: T) => void): { name: string; property: fc.IProperty<[T]> } => ({
  name,
  property: fc.property(arbitrary, predicate),
});

/** The front matter stage, with or without the flat reader. */
function frontMatterStage(text: string, flat: boolean): unknown {
  const warnings = createWarnings(false);
  const { data, sources } = readFrontMatter({ text, line: 1 }, warnings, flat);
  const used = Object.entries(sources).filter(([key]) => typeof data[key] === 'number' || typeof data[key] === 'boolean');
  return { json: JSON.stringify(data), data, sources: Object.fromEntries(used), warnings: warnings.list };
}

export const ROUND2_PROPERTIES: readonly { name: string; property: fc.IProperty<never> }[] = [
  property('linear time: a long run of one character in an attribute, the URL line, the footer, the front matter or the digest', run, (shape) => {
    assertLinear(runPost(shape, 1000), runPost(shape, 8000), 8, JSON.stringify(shape));
  }),
  property('linear time: large front matter of every shape', frontMatterShape, (shape) => {
    assertLinear(frontMatterPost(shape, 1000), frontMatterPost(shape, 8000), 8, shape);
  }),
  property('output size is linear in the input, whatever the nesting, and only PostParseError escapes', amplifier, (shape) => {
    const body = amplifierBody(shape);
    assertInvariants(attempt(() => parseBody(body)), body);
    const post = `---\ntitle: t\n---\n${body}`;
    assertInvariants(attempt(() => parsePost(post)), post);
  }),
  property('aliases and complex keys in the front matter never take the output past its bound, whichever reader reads them', fc.oneof(aliasHeavy, complexKeys), (frontMatter) => {
    const post = `---\n${frontMatter}\n---\n<p>正文</p>\n`;
    assertInvariants(attempt(() => parsePost(post)), post);
  }),
  property('text a browser hides (display, visibility, in any CSS spelling) never reaches the output; visible text stays', hidingStyle, ({ style, hidden }) => {
    const html = `<p style="${style.replace(/"/g, '&quot;')}">秘密</p><p>可见</p>`;
    const texts = parseBody(html).paragraphs.map((paragraph) => paragraph.text);
    if (!isDeepStrictEqual(texts, hidden ? ['可见'] : ['秘密', '可见'])) throw new Error(`style ${JSON.stringify(style)} gave ${JSON.stringify(texts)}`);
  }),
  property('a link is an ad (and dropped) exactly when its parsed host is acttg.eastmoney.com', adLikeHref, (href) => {
    const texts = parseBody(`<p>前<a href="${href.replace(/"/g, '&quot;')}">广告</a>后</p>`).paragraphs.map((p) => p.text);
    if (!isDeepStrictEqual(texts, [isAdHost(href) ? '前后' : '前广告后'])) throw new Error(`${JSON.stringify(href)} gave ${JSON.stringify(texts)}`);
  }),
  property('the library writes nothing to the console or the process (generated front matter)', frontMatterText, (frontMatter) => {
    const calls = written(() => parsePost(`---\n${frontMatter}\n---\n<p>正文</p>\n`));
    if (calls.length > 0) throw new Error(`wrote ${JSON.stringify(calls)}`);
  }),
  property('the flat front matter reader reads as the YAML library does', frontMatterText, (text) => {
    if (!isDeepStrictEqual(frontMatterStage(text, true), frontMatterStage(text, false))) throw new Error(`differs on ${JSON.stringify(text)}`);
  }),
] as { name: string; property: fc.IProperty<never> }[];
