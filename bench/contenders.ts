/**
 * What the benchmark compares. Each contender takes a post's text and
 * returns something, so no work can be optimized away.
 */

import { Readability } from '@mozilla/readability';
import * as cheerio from 'cheerio';
import matter from 'gray-matter';
import { Parser } from 'htmlparser2';
import { JSDOM, VirtualConsole } from 'jsdom';
import { parse as parseYaml } from 'yaml';
import { parsePost } from 'emnews';

const FRONT_MATTER = /^---\n([\s\S]*?)\n---\n/;

/**
 * The least any correct solution must do with our dependencies: YAML-parse
 * the front matter block and make one htmlparser2 pass with entity decoding
 * over the rest, with empty callbacks.
 */
export function floor(text: string): unknown {
  const match = FRONT_MATTER.exec(text);
  const data: unknown = match ? parseYaml(match[1]!) : null;
  const parser = new Parser({}, { decodeEntities: true });
  parser.end(match ? text.slice(match[0].length) : text);
  return data;
}

export function emnews(text: string): unknown {
  return parsePost(text, { maxInputBytes: 64 * 1024 * 1024 });
}

/** What a user would otherwise write: front matter, paragraph texts, entities. */
export function grayMatterCheerio(text: string): unknown {
  // An options object turns off gray-matter's cache, which would otherwise
  // answer repeated inputs from memory.
  const { data, content } = matter(text, {});
  const $ = cheerio.load(content);
  const paragraphs = $('p')
    .map((_, p) => $(p).text().trim())
    .get()
    .filter((t) => t !== '');
  const entities = $('[data-code]')
    .map((_, a) => ({ code: $(a).attr('data-code'), label: $(a).text() }))
    .get();
  return { data, paragraphs, entities };
}

const quiet = new VirtualConsole();

/** The other common choice: a DOM and Mozilla's article extraction. */
export function jsdomReadability(text: string): unknown {
  const { data, content } = matter(text, {});
  const dom = new JSDOM(`<!doctype html><html><body>${content}</body></html>`, { virtualConsole: quiet });
  const article = new Readability(dom.window.document).parse();
  dom.window.close();
  return { data, text: article?.textContent ?? '' };
}

export type ContenderName = 'floor' | 'emnews' | 'gray-matter + cheerio' | 'jsdom + readability';

export const CONTENDERS: Record<ContenderName, (text: string) => unknown> = {
  floor: floor,
  emnews: emnews,
  'gray-matter + cheerio': grayMatterCheerio,
  'jsdom + readability': jsdomReadability,
};
