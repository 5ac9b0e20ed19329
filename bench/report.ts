/**
 * The tables `npm run bench` prints: time per post, ratios within each run,
 * time per byte with the floors' scaling check, peak heap, and the targets.
 */

import { CONTENDERS } from './contenders/index.ts';
import type { HeapRun } from './heap.ts';
import { FORMS, SIZES, sizeKey, type InputSet } from './inputs.ts';
import { CHECK_KEYS, linearity, MODEL_KEY, ratios, SCALING_FACTOR, type Linearity, type Report } from './results.ts';
import { header, median, ratio, row, spread, summarize, time, type Summary } from './stats.ts';
import { checkTargets } from './targets.ts';

const spreadOf = (values: number[], format: (v: number) => string): string => spread(summarize(values), format);

export function printReport(report: Report): void {
  const { figures, sets } = report;
  const main = sets.filter((s) => s.key === 'corpus' || SIZES.map(sizeKey).includes(s.key));
  const label = (set: InputSet): string =>
    set.key === 'corpus' ? `corpus (${set.strings.length} posts, ${(set.totalBytes / set.strings.length / 1000).toFixed(1)} KB avg)` : `generated ${set.key}`;
  for (const form of FORMS) {
    console.log(`Time per post, input as ${form === 'string' ? 'a string' : 'bytes (Uint8Array)'}: median [min–max] over runs\n`);
    console.log(header(['input', ...CONTENDERS.map((c) => c.name)]));
    for (const set of main) {
      const cells = CONTENDERS.map((c) => spreadOf(figures.get(c.name)!.get(`${set.key}|${form}`)!.map((ns) => ns / set.strings.length / 1000), time));
      console.log(row([label(set), ...cells]));
    }
    console.log('');
  }

  const pairs: [string, string][] = [
    ['emnews', 'split + Tokenizer'],
    ['emnews', 'yaml.parse + Parser'],
    ['gray-matter + cheerio/slim', 'emnews'],
    ['gray-matter + cheerio (parse5)', 'emnews'],
    ['gray-matter + marked', 'emnews'],
    ['jsdom + Readability', 'emnews'],
  ];
  console.log('Ratios, each taken within one run, then median [min–max] over runs (above 1: the first is slower)\n');
  console.log(header(['input', 'form', ...pairs.map(([a, b]) => `${a} / ${b}`)]));
  for (const set of main) {
    for (const form of FORMS) {
      const key = `${set.key}|${form}`;
      console.log(row([label(set), form, ...pairs.map(([a, b]) => spreadOf(ratios(report, a, b, key), ratio))]));
    }
  }

  console.log('\nTime against size, median over runs: the fixed cost of a call (the post with no paragraphs), the cost per byte beyond it');
  console.log(`(from the ${MODEL_KEY} post), and each size's time divided by what those two predict (1.00: exactly linear)\n`);
  console.log(header(['contender', 'form', 'fixed cost', 'ns per byte', ...CHECK_KEYS.map((k) => `${k}: measured / predicted`), 'worst (max of d, 1/d)']));
  const linear = CONTENDERS.filter((c) => c.perByte).flatMap((c) => FORMS.map((form) => ({ name: c.name, form, runs: linearity(report, c.name, form) })));
  for (const { name, form, runs } of linear) {
    const m = (pick: (l: Linearity) => number): Summary => summarize(runs.map(pick));
    console.log(
      row([
        name,
        form,
        spread(m((l) => l.fixed / 1000), time),
        spread(m((l) => l.perByte), (v) => v.toFixed(2)),
        ...CHECK_KEYS.map((_, i) => ratio(m((l) => l.deviations[i]!).median)),
        spread(m((l) => l.worst), ratio),
      ]),
    );
  }
  const rawKeys = [...SIZES.map(sizeKey), '10 MB'];
  console.log(`\nTime per byte with the fixed cost included (ns per UTF-8 byte), median over runs\n`);
  console.log(header(['contender', 'form', ...rawKeys, 'max / min']));
  for (const { name, form, runs } of linear) {
    const columns = rawKeys.map((_, i) => median(runs.map((l) => l.raw[i]!)).toFixed(1));
    console.log(row([name, form, ...columns, spread(summarize(runs.map((l) => Math.max(...l.raw) / Math.min(...l.raw))), ratio)]));
  }

  console.log(`\nFloor scaling check (each run: every size's time within ${SCALING_FACTOR}× of the floor's own linear model):`);
  const notices = [...report.notices];
  let checks = 0;
  let failed = 0;
  for (const { name, form, runs } of linear.filter((l) => CONTENDERS.find((c) => c.name === l.name)!.floor)) {
    runs.forEach((l, run) => {
      checks++;
      if (l.worst <= SCALING_FACTOR) return;
      failed++;
      notices.push(
        `run ${run + 1}, ${name}, ${form}: its figures contradict each other: with a fixed cost of ${time(l.fixed / 1000)} and ${l.perByte.toFixed(2)} ns per byte ` +
          `(from ${MODEL_KEY}), measured / predicted is ${CHECK_KEYS.map((k, i) => `${k} ${l.deviations[i]!.toFixed(2)}`).join(', ')}. Do not trust this run.`,
      );
    });
  }
  console.log(failed === 0 ? `  all ${checks} checks consistent.` : `  ${failed} of ${checks} checks failed (NOTICE below).`);
  for (const notice of notices) console.log(`NOTICE: ${notice}`);

  console.log('\nPeak heap growth while parsing a 10 MB generated post once (child process, 1 MB young generation), median [min–max] of 3\n');
  console.log(header(['input', 'input in memory', 'peak heap growth', 'growth / input', 'retained result', 'most growth between two collections']));
  const mb = (v: number): string => `${v.toFixed(1)} MB`;
  for (const form of FORMS) {
    const runs = report.heap[form];
    const s = (pick: (r: HeapRun) => number): Summary => summarize(runs.map(pick));
    console.log(
      row([
        form === 'string' ? 'string' : 'bytes (the decoded text is part of the growth)',
        mb(s((r) => r.input).median),
        spread(s((r) => r.growth), mb),
        spread(s((r) => r.growth / r.input), ratio),
        spread(s((r) => r.retained), mb),
        mb(s((r) => r.resolution).max),
      ]),
    );
  }
  checkTargets(report, main);
}
