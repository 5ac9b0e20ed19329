/**
 * gray-matter + marked: a Jekyll archive rendered as a site would render
 * it. The front matter as YAML data and the post (digest quote, HTML body,
 * `<url>` autolink, navigation links) as HTML, with marked's defaults
 * (GitHub-flavoured Markdown, raw HTML passed through as Jekyll's kramdown
 * does). A different and simpler job than emnews's: HTML out, no text,
 * entities or dates.
 */

import matter from 'gray-matter';
import { marked } from 'marked';

const decoder = new TextDecoder();

export function run(input: string | Uint8Array): unknown {
  const text = typeof input === 'string' ? input : decoder.decode(input);
  const { data, content } = matter(text, {});
  return { data, html: marked.parse(content, { async: false }) };
}
