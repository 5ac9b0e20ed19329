/**
 * gray-matter + jsdom + Mozilla's Readability: the other common way to get
 * an article's text. The front matter as YAML data, then a JSDOM document of
 * the body and `new Readability(document).parse()`'s text. A simpler job
 * than emnews's (one text, no paragraphs' kinds, entities or dates).
 */

import { Readability } from '@mozilla/readability';
import matter from 'gray-matter';
import { JSDOM, VirtualConsole } from 'jsdom';

const decoder = new TextDecoder();
const quiet = new VirtualConsole();

export function run(input: string | Uint8Array): unknown {
  const text = typeof input === 'string' ? input : decoder.decode(input);
  const { data, content } = matter(text, {});
  const dom = new JSDOM(`<!doctype html><html><body>${content}</body></html>`, { virtualConsole: quiet });
  const article = new Readability(dom.window.document).parse();
  dom.window.close();
  return { data, text: article?.textContent ?? '' };
}
