/**
 * A folder of posts to one JSONL file, one `{ file, post }` object a line,
 * streaming: one post in memory at a time, however many there are.
 *
 *   node --import tsx examples/batch-to-jsonl.ts <folder> <out.jsonl>
 *
 * Posts that fail are reported on stderr and skipped; the exit status is 1
 * if any failed. (The `emnews` command does the same with more options:
 * `emnews <folder> > out.jsonl`.)
 */

import { createWriteStream, realpathSync } from 'node:fs';
import { opendir, readFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { parsePost, PostParseError } from 'emnews';

/** Every `*.md` under `dir`, depth first, in name order. */
async function* markdownFiles(dir: string): AsyncGenerator<string> {
  const entries = [];
  for await (const entry of await opendir(dir)) entries.push(entry);
  entries.sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* markdownFiles(path);
    else if (entry.isFile() && entry.name.endsWith('.md')) yield path;
  }
}

export async function batchToJsonl(dir: string, outFile: string): Promise<{ parsed: number; failed: number }> {
  const out = createWriteStream(outFile);
  let parsed = 0;
  let failed = 0;
  for await (const path of markdownFiles(dir)) {
    try {
      const post = parsePost(await readFile(path), { fileName: basename(path) });
      // Respect backpressure: wait when the stream's buffer is full.
      if (!out.write(`${JSON.stringify({ file: relative(dir, path), post })}\n`)) await once(out, 'drain');
      parsed++;
    } catch (error) {
      if (!(error instanceof PostParseError)) throw error;
      failed++;
      console.error(`${path}: ${error.code}: ${error.message}`);
    }
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
