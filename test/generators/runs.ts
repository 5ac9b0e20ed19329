/**
 * Long runs of one character (or one short unit) in every place a post
 * carries text that a regular expression or a string operation reads:
 * attribute values, the original-URL line, navigation lines, front matter
 * values and keys, the digest, the source line. Issue 13 found spaces inside
 * an `href`, control characters inside `<http://…>` and a last line of `[`
 * each taking quadratic time; this generator looks for the next one.
 */

import fc from 'fast-check';

/** Where the run goes: `$` is replaced by the run. */
export const PLACES = [
  '<p><a href="$">链接</a></p>',
  '<p><a href="http://e.com/$x">链接</a></p>',
  '<p><a href="h$x">链接</a></p>',
  '<p><a href="//$">链接</a></p>',
  '<p><a href="https://baike.eastmoney.com/item/$">词</a></p>',
  '<p><a href="http://quote.eastmoney.com/unify/r/0.$">股</a></p>',
  '<p><img src="$"><img src="http://e.com/$x" alt="$"></p>',
  '<p style="$">文</p><p style="display:$none">文</p>',
  '<p class="$">文</p><p id="$">文</p><p align="$">文</p>',
  '<span id="stock_0.$"><a data-code="$">股</a></span>',
  '<img data-code="K $|0|2"><a class="EmImageRemark" data-code="$">图</a>',
  '<p class="em_media">（文章来源：$）</p>',
  '<p>$</p>',
  '<p><b>$</b></p>',
  '<table><tr><td>$</td></tr></table>',
  '<!--$-->',
  '<p title="$">文</p>',
  'URL:<http://$>',
  'URL:<http://e.com/$x>',
  'URL:<$>',
  'URL:<http://e.com/?infoCode=$>',
  'NAV:[$](//e.com/)',
  'NAV:[a](//e.com/$)',
  'NAV:$',
  'NAV:[a](b)$',
  'FM:title: $',
  'FM:title: "$"',
  "FM:title: '$'",
  'FM:tags: [$]',
  'FM:tags: {$}',
  'FM:$: x',
  'FM:title: x$y',
  'FM:date: $',
  'DIGEST:$',
] as const;

/** The characters and short units of a run. */
export const UNITS = [
  ' ', '\t', '\n', '\r', '\x01', '\0', '\x7F', '\u0085', '\u2028', '\u3000', '\u00A0', '\uFEFF', '\uD800',
  '[', ']', '(', ')', '{', '}', '<', '>', '.', '/', ':', '#', '%', '&', ';', ',', '@', '?', '!', '=', '*', '-', '_', '"', "'", '\\', '`', '|', '~',
  'a', '0', '9', 'é', '示', '（', '）', '：', '。',
  ' a', '[]', '[a', '](', '. ', ': ', '- ', '\\ ', '%2', 'k:', 'a.', '0.', '//', '::', '&amp;', '&#', '\\6e ', '/**/', '!i', 'a ', ' #', '"a', '\\"', "''",
] as const;

export interface Run {
  place: (typeof PLACES)[number];
  unit: string;
}

export const run: fc.Arbitrary<Run> = fc.record({ place: fc.constantFrom(...PLACES), unit: fc.constantFrom(...UNITS) });

/** A whole post with `count` units of the run in its place. */
export function runPost({ place, unit }: Run, count: number): string {
  const text = unit.repeat(count);
  const colon = place.indexOf(':');
  const kind = /^[A-Z]+:/.test(place) ? place.slice(0, colon) : 'BODY';
  const filled = (kind === 'BODY' ? place : place.slice(colon + 1)).split('$').join(text);
  const frontMatter = kind === 'FM' ? filled : 'title: 示例\ndate: 2022-05-23 17:03:48 +0800';
  const digest = kind === 'DIGEST' ? `> ${filled}\n\n` : '';
  const body = kind === 'BODY' ? filled : '<p>正文。</p>';
  const url = kind === 'URL' ? filled : '<http://finance.eastmoney.com/a/202205230000000001.html>';
  const navigation = kind === 'NAV' ? `\n\n${filled}` : '';
  return `---\n${frontMatter}\n---\n${digest}${body}\n\n${url}${navigation}\n`;
}
