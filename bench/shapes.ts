/**
 * Adversarial post shapes for `npm run bench:scaling` and
 * `npm run bench:memory`: each makes a post of about `size` characters.
 * Issue 3's shapes, then issue 13's (runs inside attributes and on the
 * footer lines, front matter the YAML library was slow on, nested links).
 */

import { FRONT_MATTER_SHAPES, frontMatterPost, type FrontMatterShape } from '../test/generators/yaml.ts';
import { generatedPost } from './posts.ts';

const URL_LINE = '<http://finance.eastmoney.com/a/202205230000000001.html>';

/** A post with this body, the usual head and the URL line. */
const post = (body: string): string => `---\ntitle: t\n---\n${body}\n\n${URL_LINE}\n`;
/** `unit` repeated to about `size` characters. */
const times = (unit: string, size: number): string => unit.repeat(Math.max(1, Math.floor(size / unit.length)));

export const SHAPES: Record<string, (size: number) => string> = {
  // Issue 3.
  "'[' × n as the title": (size) => `---\ntitle: ${'['.repeat(size)}\n---\n<p>x</p>\n`,
  "'<div>' × n": (size) => post(`${times('<div>', size)}x`),
  "'<b>' × n, unclosed": (size) => post(`<p>${times('<b>', size)}x`),
  "' ' × n + 'x'": (size) => post(`<p>${' '.repeat(size)}x</p>`),
  'unterminated --- block': (size) => `---\n${times('key: value\n', size)}`,
  "'&amp;' × n": (size) => post(`<p>${times('&amp;', size)}</p>`),
  "'</span>' × n inside '<div>' × n": (size) => post(`${times('<div>', size / 2)}${times('</span>', size / 2)}`),
  'many short paragraphs': (size) => post(times('<p>示例公司发布公告。</p>\n', size)),
  // Issue 13: runs of one character where regular expressions read.
  'spaces inside an href': (size) => post(`<p><a href="h${' '.repeat(size)}x">链接</a></p>`),
  'spaces inside an <img src>': (size) => post(`<p><img src="http://e.com/${' '.repeat(size)}x"></p>`),
  'controls inside <http://…>': (size) => `---\ntitle: t\n---\n<p>x</p>\n\n<http://${'\x01'.repeat(size)}x>\n`,
  "a last line of '['": (size) => `---\ntitle: t\n---\n<p>x</p>\n\n${URL_LINE}\n\n${'['.repeat(size)}\n`,
  'a footer line of links': (size) => `---\ntitle: t\n---\n<p>x</p>\n\n${URL_LINE}\n\n${times('[返回](//e.com/)｜', size)}\n`,
  "a style of '/**/' and escapes": (size) => post(`<p style="display:${times('/**/\\6e ', size)}one">文</p>`),
  'a long class and id': (size) => post(`<p class="${times('em_media ', size / 2)}" id="${'stock_0.'.repeat(size / 16)}">文</p>`),
  'a long digest line': (size) => `---\ntitle: t\n---\n> ${times('。（示例', size)}）\n\n<p>x</p>\n\n${URL_LINE}\n`,
  // Issue 13: output amplification and nesting.
  "'<b><a href>x' × n": (size) => post(times('<b><a href="http://e.com/">x', size)),
  "'<span><a href>' × n, no text": (size) => post(times('<span><a href="http://e.com/">', size)),
  "'<a data-code>x</a>', distinct": (size) => post(Array.from({ length: Math.floor(size / 26) }, (_, i) => `<a data-code=0,${i.toString(36)}>x</a>`).join('')),
  // Issue 13: front matter.
  ...Object.fromEntries(
    (Object.keys(FRONT_MATTER_SHAPES) as FrontMatterShape[]).map((shape) => [`front matter: ${shape}`, (size: number) => frontMatterPost(shape, size)]),
  ),
  'an ordinary post (bench/posts.ts)': (size) => generatedPost(size),
};
