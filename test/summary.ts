/**
 * Field-by-field summaries of a parse result, for table-driven tests: a
 * case lists only the fields it is about, and {@link summarize} reads just
 * those from the result, so `deepStrictEqual(summarize(result, expected),
 * expected)` shows the difference field by field.
 */

import type { Body, Post } from 'emnews';

/** What a case expects, field by field. */
export interface Expected {
  /** Paragraph texts. */
  texts?: string[];
  /** Warning codes, in order. */
  codes?: string[];
  /** The text of every mention, paragraph by paragraph. */
  mentions?: string[];
  /** `[text, href]` of each link. */
  links?: [string, string][];
  /** `links[].href`. */
  hrefs?: string[];
  /** `images[].src`. */
  images?: string[];
  /** `entities[].code`. */
  entities?: string[];
  frontMatter?: Post['frontMatter'];
  title?: string;
  /** `date.iso`, or null. */
  date?: string | null;
  /** `url.href`, or null. */
  url?: string | null;
  /** The code of the PostParseError it throws. */
  throws?: string;
}

/** The fields of `result` that `expected` names (all but `throws`, which the caller checks). */
export function summarize(result: Post | Body, expected: Expected): Expected {
  const actual: Expected = {};
  const full = result as Partial<Post>;
  if (expected.texts) actual.texts = result.paragraphs.map((paragraph) => paragraph.text);
  if (expected.codes) actual.codes = result.warnings.map((warning) => warning.code);
  if (expected.mentions) actual.mentions = result.paragraphs.flatMap((p) => p.mentions.map((m) => p.text.slice(m.start, m.end)));
  if (expected.links) actual.links = result.links.map((link) => [link.text, link.href]);
  if (expected.hrefs) actual.hrefs = result.links.map((link) => link.href);
  if (expected.images) actual.images = result.images.map((image) => image.src);
  if (expected.entities) actual.entities = result.entities.map((entity) => entity.code);
  if (expected.frontMatter) actual.frontMatter = full.frontMatter!;
  if (expected.title !== undefined) actual.title = full.title!;
  if (expected.date !== undefined) actual.date = full.date?.iso ?? null;
  if (expected.url !== undefined) actual.url = full.url?.href ?? null;
  return actual;
}
