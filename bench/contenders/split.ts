/**
 * The front matter split both floors share: the least work any correct
 * solution must do to find where the body starts. It looks at the first
 * line, then jumps from line start to line start with `indexOf` until a
 * `---` line closes the block; no line array, no regular expression, no
 * copy. CRLF posts are handled as they are (`\r` is skipped before the line
 * end), as a correct solution must.
 */

/** Whether `text` at `at` holds `---`, then spaces, tabs or `\r`, then a line end. */
function isDelimiter(text: string, at: number): boolean {
  if (!text.startsWith('---', at)) return false;
  let i = at + 3;
  for (let c = text.charCodeAt(i); c === 0x20 || c === 0x09 || c === 0x0d; c = text.charCodeAt(++i));
  return i >= text.length || text.charCodeAt(i) === 0x0a;
}

/**
 * Where the front matter block ends: `[blockStart, blockEnd, bodyStart]`,
 * or `null` when the post has no complete block. The block is
 * `text.slice(blockStart, blockEnd)`, the body starts at `bodyStart`.
 */
export function splitFrontMatter(text: string): [number, number, number] | null {
  if (!isDelimiter(text, 0)) return null;
  const blockStart = text.indexOf('\n') + 1;
  for (let line = blockStart; line > 0 && line < text.length; line = text.indexOf('\n', line) + 1) {
    if (text.charCodeAt(line) === 0x2d && isDelimiter(text, line)) {
      const next = text.indexOf('\n', line) + 1;
      return [blockStart, line, next === 0 ? text.length : next];
    }
  }
  return null;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * The post as text: a string as it is, bytes decoded as UTF-8 (fatal, as a
 * correct solution must refuse bytes that are not UTF-8; the decoder drops a
 * byte order mark).
 */
export function text(input: string | Uint8Array): string {
  return typeof input === 'string' ? input : decoder.decode(input);
}
