/**
 * Run by bench/compare.ts with `--expose-gc --trace-gc --max-semi-space-size=1`:
 * parses a 10 MB invented post once between two marker lines; the parent
 * reads the peak heap from the sizes V8 prints at each collection in between
 * (with a 1 MB young generation they come often, so the peak is seen to
 * within about 1 MB), and the figures printed here.
 */

import { parsePost } from 'emnews';
import { generatedPost } from './posts.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with --expose-gc');

const text = generatedPost(10_000_000);
// A string of Latin-1 characters takes one byte per character, any other two.
const stringBytes = text.length * (/[^\u0000-\u00ff]/.test(text) ? 2 : 1);
gc();
gc();
const MB = 1024 * 1024;
const before = process.memoryUsage().heapUsed;
console.log('memory:start');
const post = parsePost(text, { maxInputBytes: 64 * MB });
console.log('memory:end');
gc();
const retained = process.memoryUsage().heapUsed - before;
console.log(`memory:paragraphs ${post.paragraphs.length}`);
console.log(`memory:before ${(before / MB).toFixed(2)}`);
console.log(`memory:retained ${(retained / MB).toFixed(2)}`);
console.log(`memory:string ${(stringBytes / MB).toFixed(2)}`);
console.log(`memory:input ${(Buffer.byteLength(text) / MB).toFixed(2)}`);
