/**
 * The targets of issue 10, each judged on the medians over runs of this
 * run's figures and printed as met / not met.
 */

import { FORMS, type InputSet } from './inputs.ts';
import { linearity, ratios, SCALING_FACTOR, type Report } from './results.ts';
import { header, median, ratio, row } from './stats.ts';

interface Extreme {
  value: number;
  where: string;
}

/** The largest (or smallest) median ratio over every input and form, and where it is. */
function extreme(report: Report, sets: InputSet[], a: string, b: string, pick: 'max' | 'min'): Extreme {
  let found: Extreme = { value: pick === 'max' ? -Infinity : Infinity, where: '' };
  for (const set of sets) {
    for (const form of FORMS) {
      const value = median(ratios(report, a, b, `${set.key}|${form}`));
      if (pick === 'max' ? value > found.value : value < found.value) found = { value, where: `${set.key}, ${form}` };
    }
  }
  return found;
}

const verdict = (met: boolean): string => (met ? 'met' : '**not met**');

export function checkTargets(report: Report, sets: InputSet[]): void {
  const floor = extreme(report, sets, 'emnews', 'split + Tokenizer', 'max');
  const cheerio = extreme(report, sets, 'gray-matter + cheerio/slim', 'emnews', 'min');
  const flat = FORMS.map((form) => ({ form, span: median(linearity(report, 'emnews', form).map((l) => l.worst)) }));
  const worstFlat = flat.reduce((a, b) => (b.span > a.span ? b : a));
  const heap = median(report.heap.string.map((r) => r.growth / r.input));
  const heapBytes = median(report.heap.bytes.map((r) => r.growth / r.input));

  console.log('\nTargets (issue 10), judged on medians over runs, on the corpus and every generated size, strings and bytes\n');
  console.log(header(['target', 'worst case', 'result']));
  console.log(row(['emnews ≤ 4 × split + Tokenizer', `${ratio(floor.value)} × (${floor.where})`, verdict(floor.value <= 4)]));
  console.log(row(['stretch: emnews ≤ 3 × split + Tokenizer', `${ratio(floor.value)} × (${floor.where})`, verdict(floor.value <= 3)]));
  console.log(row(['emnews ≥ 2 × faster than gray-matter + cheerio/slim', `${ratio(cheerio.value)} × (${cheerio.where})`, verdict(cheerio.value >= 2)]));
  console.log(
    row([
      `emnews time per byte flat from 1 KB to 10 MB (every size within ${SCALING_FACTOR}× of its linear model, as the floors)`,
      `${ratio(worstFlat.span)} (${worstFlat.form})`,
      verdict(worstFlat.span <= SCALING_FACTOR),
    ]),
  );
  console.log(row(['peak heap growth ≤ 1.5 × the input string (10 MB post)', `${ratio(heap)} ×`, verdict(heap <= 1.5)]));
  console.log(row(['(not a target) the same, given bytes: the decoded text alone is about 1 × the bytes', `${ratio(heapBytes)} ×`, '']));
}
