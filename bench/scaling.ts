/**
 * `npm run bench:scaling`: time per input byte of parsePost on adversarial
 * shapes, and on an ordinary post, at 1 KB, 100 KB, 1 MB and 10 MB. Linear
 * time means a flat row; the last column is the largest time per byte over
 * the smallest. At 1 KB the fixed cost of a call (about 3 µs) is part of the
 * figure, so that column can only be higher, never show a super-linear step.
 */

import { parsePost } from 'emnews';
import { generatedPost } from './posts.ts';

const SIZES = [1_000, 100_000, 1_000_000, 10_000_000];
const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** Each shape makes a post of about `size` bytes. */
const SHAPES: Record<string, (size: number) => string> = {
  "'[' * n in front matter": (size) => `---\ntitle: ${'['.repeat(size)}\n---\n<p>x</p>\n`,
  "'<div>' * n": (size) => `---\ntitle: t\n---\n${'<div>'.repeat(size / 5)}x\n`,
  "'<b>' * n unclosed": (size) => `---\ntitle: t\n---\n<p>${'<b>'.repeat(size / 3)}x\n`,
  "' ' * n + 'x'": (size) => `---\ntitle: t\n---\n<p>${' '.repeat(size)}x</p>\n`,
  'unterminated --- block': (size) => `---\n${'key: value\n'.repeat(size / 11)}`,
  "'&amp;' * n": (size) => `---\ntitle: t\n---\n<p>${'&amp;'.repeat(size / 5)}</p>\n`,
  "'</span>' * n inside '<div>' * n": (size) => `---\ntitle: t\n---\n${'<div>'.repeat(size / 24)}${'</span>'.repeat(size / 24)}\n`,
  'many short paragraphs': (size) => `---\ntitle: t\n---\n${'<p>示例公司发布公告。</p>\n'.repeat(size / 37)}`,
  'an ordinary post (bench/posts.ts)': (size) => generatedPost(size),
};

/** Median nanoseconds per byte over 5 samples of at least 200 ms each. */
function nsPerByte(text: string): number {
  const bytes = Buffer.byteLength(text);
  parsePost(text, { maxInputBytes: MAX_INPUT_BYTES }); // warm-up
  const samples: number[] = [];
  for (let s = 0; s < 5; s++) {
    let runs = 0;
    const start = process.hrtime.bigint();
    let elapsed = 0n;
    do {
      parsePost(text, { maxInputBytes: MAX_INPUT_BYTES });
      runs++;
      elapsed = process.hrtime.bigint() - start;
    } while (elapsed < 200_000_000n);
    samples.push(Number(elapsed) / runs / bytes);
  }
  samples.sort((a, b) => a - b);
  return samples[2]!;
}

const header = ['shape', ...SIZES.map((size) => `${size / 1000} KB`), 'max/min'];
console.log(`node ${process.version}, ns per byte (median of 5)\n`);
console.log(`| ${header.join(' | ')} |`);
console.log(`|${header.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`);
for (const [name, make] of Object.entries(SHAPES)) {
  const times = SIZES.map((size) => nsPerByte(make(size)));
  const ratio = Math.max(...times) / Math.min(...times);
  console.log(`| ${name} | ${times.map((t) => t.toFixed(1)).join(' | ')} | ${ratio.toFixed(2)} |`);
}
