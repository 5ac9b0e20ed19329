/**
 * A folder of posts to one JSONL file, one `{ file, post }` object a line,
 * on the archive reader of `emnews/archive`: every `*.md` under the folder,
 * in name order, parsed on worker threads, with at most a few hundred posts
 * in memory however many there are.
 *
 *   node --import tsx examples/batch-to-jsonl.ts <folder> <out.jsonl>
 *
 * Inputs that give no post (unreadable, too large, not a post) are reported
 * on stderr and skipped; the exit status is 1 if any failed. (The `emnews`
 * command does the same with more options: `emnews <folder> > out.jsonl`.)
 */

import { createWriteStream, realpathSync } from 'node:fs';
import { once } from 'node:events';
import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readArchive } from 'emnews/archive';

export async function batchToJsonl(dir: string, outFile: string): Promise<{ parsed: number; failed: number }> {
  const out = createWriteStream(outFile);
  let parsed = 0;
  let failed = 0;
  for await (const entry of readArchive(dir, { jobs: availableParallelism() })) {
    if (entry.error) {
      failed++;
      console.error(`${entry.file}: ${entry.error.code}: ${entry.error.message}`);
      continue;
    }
    // Respect backpressure: wait when the stream's buffer is full.
    if (!out.write(`${JSON.stringify({ file: relative(dir, entry.file), post: entry.post })}\n`)) await once(out, 'drain');
    parsed++;
  }
  out.end();
  await once(out, 'finish');
  return { parsed, failed };
}

// Run as a script (not imported)? Compare paths, not URLs: a path with spaces or Chinese
// characters is percent-encoded in import.meta.url, and argv[1] may pass through a symbolic link.
if (process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir, outFile] = process.argv.slice(2);
  if (dir === undefined || outFile === undefined) {
    console.error('usage: batch-to-jsonl.ts <folder> <out.jsonl>');
    process.exit(2);
  }
  const { parsed, failed } = await batchToJsonl(dir, outFile);
  console.error(`${parsed} posts written to ${outFile}, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}
