/**
 * Run by bench/compare.ts as
 * `node --expose-gc --trace-gc --max-semi-space-size=1 --import tsx bench/memory.ts <string|bytes>`:
 * parses a 10 MB invented post once, given as a string or as UTF-8 bytes,
 * between two marker lines. The parent reads the peak heap from the sizes
 * V8 prints before each collection in between; with a 1 MB young
 * generation they come at least every few MB allocated, so a peak is seen
 * to within about that. The heap in use right after the parse, with the
 * result alive, is printed too and also counts as a candidate for the peak
 * (a peak at the very end would otherwise be missed).
 */

import { parsePost } from 'emnews';
import { GENERATED_FILE_NAME, generatedPost } from './posts.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with --expose-gc');
const form = process.argv[2] === 'bytes' ? 'bytes' : 'string';

const MB = 1024 * 1024;
const text = generatedPost(10_000_000);
const bytes = new TextEncoder().encode(text);
// A string of Latin-1 characters takes one byte per character, any other two.
const stringBytes = text.length * (/[^\u0000-\u00ff]/.test(text) ? 2 : 1);
const input = form === 'bytes' ? bytes : text;
gc();
gc();
const before = process.memoryUsage().heapUsed;
console.log('memory:start');
const post = parsePost(input, { fileName: GENERATED_FILE_NAME });
const after = process.memoryUsage().heapUsed;
console.log('memory:end');
gc();
gc();
const retained = process.memoryUsage().heapUsed - before;
console.log(`memory:paragraphs ${post.paragraphs.length}`);
console.log(`memory:before ${(before / MB).toFixed(2)}`);
console.log(`memory:after ${(after / MB).toFixed(2)}`);
console.log(`memory:retained ${(retained / MB).toFixed(2)}`);
// The input as the heap holds it: a string's characters, or the bytes
// (which live outside the heap; the decoded text is then part of the growth).
console.log(`memory:input ${((form === 'bytes' ? bytes.byteLength : stringBytes) / MB).toFixed(2)}`);
console.log(`memory:utf8 ${(bytes.byteLength / MB).toFixed(2)}`);
