/**
 * What a user would otherwise write with gray-matter and cheerio: the front
 * matter as YAML data, the trimmed, non-empty text of every `<p>`, and every
 * `[data-code]` link as `{ code, label }`. A simpler job than emnews's (no
 * headings, captions, hidden or promotional text, mention offsets, deduplicated
 * entities, dates, source or URL), said so in bench/README.md.
 */

import type { CheerioAPI } from 'cheerio';
import matter from 'gray-matter';

const decoder = new TextDecoder();

export function cheerioJob(input: string | Uint8Array, load: (html: string) => CheerioAPI): unknown {
  // gray-matter takes strings; bytes are decoded here, inside the timed call.
  const text = typeof input === 'string' ? input : decoder.decode(input);
  // An options object turns off gray-matter's cache, which would otherwise
  // answer a repeated input from memory (and keep every input alive).
  const { data, content } = matter(text, {});
  const $ = load(content);
  const paragraphs = $('p')
    .map((_, p) => $(p).text().trim())
    .get()
    .filter((t) => t !== '');
  const entities = $('[data-code]')
    .map((_, a) => ({ code: $(a).attr('data-code'), label: $(a).text() }))
    .get();
  return { data, paragraphs, entities };
}
