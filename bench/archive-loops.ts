/**
 * The baselines of `npm run bench:archive`, run in a child process:
 *
 * - `read`: list the archive (recursively, `*.md`, sorted) and read every
 *   file: the least file work any tool must do;
 * - `parse`: read every file, and time only the `parsePost` calls: the
 *   least parsing work;
 * - `jsonl`: list, read, parse and write every post as the command's JSONL
 *   record (`{"file","post"}` and a newline), encoded into one buffer and
 *   written 64 KiB at a time: the least work any tool that writes this
 *   output must do, timed whole. It writes
 *   to `/dev/null`, or to the file named after the folder (the bench checks
 *   that its output is the command's, byte for byte).
 *
 * Prints `{"seconds": …, "cpuSeconds": …, "maxRssKb": …}` on stdout (wall and
 * CPU time of the timed work only).
 */

import { closeSync, openSync, readFileSync, readdirSync, writeSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parsePost } from 'emnews';

function* files(dir: string): Generator<string> {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.name.endsWith('.md')) yield path;
  }
}

const [mode, dir, out = '/dev/null'] = process.argv.slice(2) as ['read' | 'parse' | 'jsonl', string, string?];
let seconds = 0;
let cpuSeconds = 0;
let bytes = 0;
const cpu = (since?: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};
if (mode === 'read' || mode === 'jsonl') {
  const fd = mode === 'jsonl' ? openSync(out, 'w') : -1;
  // Each line is encoded as UTF-8 straight into one buffer, written 64 KiB at a time (as the command does).
  const buffer = Buffer.allocUnsafe(1024 * 1024);
  let end = 0;
  const start = process.hrtime.bigint();
  const startCpu = process.cpuUsage();
  for (const file of files(dir)) {
    const input = readFileSync(file);
    bytes += input.length;
    if (mode === 'read') continue;
    const line = `${JSON.stringify({ file, post: parsePost(input, { fileName: basename(file) }) })}\n`;
    if (end + 3 * line.length > buffer.length) {
      writeSync(fd, buffer, 0, end);
      end = 0;
      if (3 * line.length > buffer.length) {
        writeSync(fd, line);
        continue;
      }
    }
    end += buffer.write(line, end);
    if (end >= 64 * 1024) {
      writeSync(fd, buffer, 0, end);
      end = 0;
    }
  }
  if (end > 0) writeSync(fd, buffer, 0, end);
  seconds = Number(process.hrtime.bigint() - start) / 1e9;
  cpuSeconds = cpu(startCpu);
  if (fd !== -1) closeSync(fd);
} else {
  let sink = 0;
  for (const file of files(dir)) {
    const input = readFileSync(file);
    const start = process.hrtime.bigint();
    const startCpu = process.cpuUsage();
    sink += parsePost(input, { fileName: basename(file) }).paragraphs.length;
    cpuSeconds += cpu(startCpu);
    seconds += Number(process.hrtime.bigint() - start) / 1e9;
    bytes += input.length;
  }
  if (sink < 0) console.error(sink);
}
console.log(JSON.stringify({ seconds, cpuSeconds, bytes, maxRssKb: process.resourceUsage().maxRSS }));
