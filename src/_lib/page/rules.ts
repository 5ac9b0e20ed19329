/**
 * What an article page is made of, as tables: the elements that hold the
 * article (best first), the elements and blocks around it that are page
 * chrome, and the patterns of its info line. Pure data and predicates; the
 * page scan and the body walker ask, this file answers.
 */

import { hasClass, type Attributes } from '../body/markup.js';

/** An element that holds the article text. */
export interface ContainerRule {
  /** How the docs name it: `#ContentBody`, `.txtinfos`… */
  name: string;
  matches: (name: string, attribs: Attributes) => boolean;
}

/**
 * The article's container, best first: a page's container is the first
 * element matching the earliest rule. `#ContentBody` (class `txtinfos` on
 * newer pages, `Body` on older ones) holds the text alone; `.newsContent`
 * and `.article-content` wrap the heading and info line too, which the
 * chrome rules then drop; `#zwtext` is the mobile (`wap.eastmoney.com/3g`)
 * article.
 */
export const CONTAINER_RULES: readonly ContainerRule[] = [
  { name: '#ContentBody', matches: (_, attribs) => attribs['id'] === 'ContentBody' },
  { name: '.txtinfos', matches: (_, attribs) => hasClass(attribs, 'txtinfos') },
  { name: '.Body', matches: (_, attribs) => hasClass(attribs, 'Body') },
  { name: '#zwtext', matches: (_, attribs) => attribs['id'] === 'zwtext' },
  { name: '.newsContent', matches: (_, attribs) => hasClass(attribs, 'newsContent') },
  { name: '.article-content', matches: (_, attribs) => hasClass(attribs, 'article-content') },
];

/** Classes of boxes beside the text: related lists, the summary, the original title, the editor, the source box, share bars. */
const CHROME_CLASSES: readonly string[] = [
  'zwothers', 'b-review', 'abstract', 'digest_content', 'sublab', 'res-edit', 'sourcebox', 'share', 'bdsharebuttonbox',
];
/** Elements that are never the article's text. */
const CHROME_ELEMENTS: ReadonlySet<string> = new Set(['nav', 'header', 'footer', 'aside', 'form']);
const AD_CONTEXT = 'ad_context';

/** An element inside the container whose content is page chrome (`ad_context*` blocks, related lists…). */
export function isChromeElement(name: string, attribs: Attributes): boolean {
  if (CHROME_ELEMENTS.has(name)) return true;
  if (attribs['id']?.startsWith(AD_CONTEXT)) return true;
  const classes = attribs['class'];
  if (classes === undefined) return false;
  if (classes.includes(AD_CONTEXT) && classes.split(/[ \t\n\f\r]+/).some((token) => token.startsWith(AD_CONTEXT))) return true;
  return CHROME_CLASSES.some((token) => hasClass(attribs, token));
}

/** Classes whose text is the article's summary (read into `summary`, never a paragraph). */
export const SUMMARY_CLASSES: readonly string[] = ['b-review', 'abstract', 'digest_content'];
/** Classes whose first element is the heading when the page has no `<h1>` (newer and mobile pages). */
export const TITLE_CLASSES: readonly string[] = ['title', 'atitle', 'article-title'];

// Info-line patterns. Each is anchored or bounded: linear in the text.
/** `2026年08月19日 17:46`, `2026年8月19日`, seconds optional. */
export const CHINESE_DATE: RegExp = /(\d{4})年(\d{1,2})月(\d{1,2})日(?:[ \t\u3000]{0,4}(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?)?/;
/** `2026-08-19 17:46:00`, `2026-08-19`, `2026/08/19 17:46`. */
export const DASHED_DATE: RegExp = /(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ \t\u3000T]{1,4}(\d{1,2}):(\d{2})(?::(\d{2}))?)?/;
/** `来源：示例日报` in an info line; the name runs to the next space. */
export const SOURCE_LABEL: RegExp = /(?:文章)?来源[：:][ \u3000]{0,4}([^ \t\n\u3000]{1,40})/u;
/** An info line is short; a longer block with a date is article text. */
export const MAX_INFO_LENGTH = 120;

// Bounded repeats count characters (`u`), so a name is never cut inside a surrogate pair.
const EDITOR = /^[（(]?[ \u3000]{0,4}责任编辑[ \u3000]{0,4}[：:][ \u3000]{0,4}([^）)]{1,40})[）)]?$/u;
const ORIGINAL_TITLE = /^[（(【]?[ \u3000]{0,4}原标题[ \u3000]{0,4}[：:][ \u3000]{0,4}([^）)】]{1,200})[）)】]?$/u;

/** The editor's name from a `（责任编辑：…）` block, or `null`. */
export function readEditor(text: string): string | null {
  return EDITOR.exec(text)?.[1]?.trim() || null;
}

/** The original title from a `原标题：…` block, or `null`. */
export function readOriginalTitle(text: string): string | null {
  return ORIGINAL_TITLE.exec(text)?.[1]?.trim() || null;
}

const DISCLAIMER_LABEL = /^[【（(\[]?[ \u3000]{0,4}(?:郑重声明|免责声明|特别声明)[ \u3000]{0,4}[：:]/;
const NOT_OUR_VIEW = /不代表本(?:网站|站|网)(?:的)?(?:观点|立场)|与本(?:网站|站|网)立场无关/;
const AI_NOTICE = /^[【（(\[]?[ \u3000]{0,4}(?:本文|本内容|以上内容|该内容|此内容)[^。]{0,30}(?:由|基于|借助|使用)[ \u3000]{0,2}AI/i;
const SHARE_PROMPT = /^(?:打开微信|分享到[：:]?|微信扫一扫)/;
/** An ad's label alone in its block: `广告`, `【广告】`, `(广告)`. */
const AD_LABEL = /^[【\[（(]?[ \u3000]{0,4}广告[ \u3000]{0,4}[】\]）)]?$/;
const MAX_CHROME_LENGTH = 500;

/** Text blocks that are page chrome wherever they stand, each with its name for the docs. */
export const CHROME_TEXT_RULES: readonly { name: string; test: (text: string) => boolean }[] = [
  { name: 'editor line', test: (text) => EDITOR.test(text) },
  { name: 'original-title line', test: (text) => ORIGINAL_TITLE.test(text) },
  { name: 'ad label', test: (text) => AD_LABEL.test(text) },
  { name: 'share prompt', test: (text) => SHARE_PROMPT.test(text) || (text.includes('扫一扫') && /分享|朋友圈/.test(text)) },
  { name: 'AI-generated-content notice', test: (text) => AI_NOTICE.test(text) },
  { name: 'disclaimer', test: (text) => DISCLAIMER_LABEL.test(text) || NOT_OUR_VIEW.test(text) },
];

/** Whether a block of the container is page chrome by its text alone. */
export function isChromeText(text: string): boolean {
  return text.length <= MAX_CHROME_LENGTH && CHROME_TEXT_RULES.some((rule) => rule.test(text));
}

const SENTENCE_END = /[。！？!?…”」』）)]$/;

/** A block that only repeats the page's summary, cut short (a teaser box above the text), is not a paragraph. */
export function isTruncatedCopy(text: string, summary: string | null): boolean {
  return summary !== null && text === summary && !SENTENCE_END.test(text);
}
