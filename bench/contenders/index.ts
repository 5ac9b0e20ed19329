/**
 * The contenders of `npm run bench`, each in its own module so that a child
 * process loads only the one it measures (bench/README.md says why).
 */

export interface Contender {
  /** The name printed in the tables. */
  name: string;
  /** The module under bench/contenders/ whose `run(input, fileName)` is timed. */
  module: string;
  /** A floor: emnews's ratios are taken against it, and its scaling is checked. */
  floor: boolean;
  /** Also timed on the 10 MB post and the post with no paragraphs (for time per byte). */
  perByte: boolean;
  /** Rounds per process (slow contenders get fewer, never under 3). */
  rounds: number;
  /** Runs (processes) at most; at least 3, and the other contenders' runs beyond it skip this one. */
  runs: number;
}

export const CONTENDERS: readonly Contender[] = [
  { name: 'split + Tokenizer', module: 'floor-tokenizer.ts', floor: true, perByte: true, rounds: 5, runs: Infinity },
  { name: 'yaml.parse + Parser', module: 'floor-yaml-parser.ts', floor: true, perByte: true, rounds: 5, runs: Infinity },
  { name: 'emnews', module: 'emnews.ts', floor: false, perByte: true, rounds: 5, runs: Infinity },
  { name: 'gray-matter + cheerio/slim', module: 'cheerio-slim.ts', floor: false, perByte: false, rounds: 5, runs: Infinity },
  { name: 'gray-matter + cheerio (parse5)', module: 'cheerio-parse5.ts', floor: false, perByte: false, rounds: 3, runs: Infinity },
  { name: 'gray-matter + marked', module: 'marked.ts', floor: false, perByte: false, rounds: 3, runs: Infinity },
  { name: 'jsdom + Readability', module: 'jsdom-readability.ts', floor: false, perByte: false, rounds: 3, runs: 3 },
];

/** The contender called `name`; throws for an unknown name. */
export function contender(name: string): Contender {
  const found = CONTENDERS.find((c) => c.name === name);
  if (found === undefined) throw new Error(`unknown contender ${JSON.stringify(name)}`);
  return found;
}
