/**
 * The fields of a {@link Post} an article page gives outside its body:
 * title, date, source, summary and address, read from a {@link PageScan}.
 * Dates go through the same `readDate` as posts.
 */

import type { PostDate, PostUrl, Source } from '../../types.js';
import { readAttribution } from '../attribution.js';
import { plainText } from '../body/html-text.js';
import { readDate } from '../date.js';
import { quoted } from '../text.js';
import { describeUrlProblem, readPostUrl, resolveUrl } from '../url.js';
import type { Warnings } from '../warnings.js';
import { CHINESE_DATE, DASHED_DATE, SOURCE_LABEL } from './rules.js';
import type { InfoBlock, PageScan, Range } from './scan.js';

/** `<meta>` names and properties that carry the publication time. */
const DATE_META: readonly string[] = ['article:published_time', 'publishdate', 'pubdate'];
/** A `<title>`'s site suffix (`_东方财富网`, `_财经频道_东方财富网`) is at most this long. */
const MAX_SUFFIX = 40;
const SUFFIX_SEPARATOR = /[_＿]/g;

/** The title: the page heading, else `<title>` without its site suffix, else `og:title`. */
export function pageTitle(scan: PageScan): string {
  if (scan.heading !== null) return scan.heading.text;
  if (scan.titleTag !== null) return withoutSiteSuffix(scan.titleTag);
  return plainText(scan.meta.get('og:title') ?? '');
}

function withoutSiteSuffix(title: string): string {
  for (const match of title.matchAll(SUFFIX_SEPARATOR)) {
    if (title.length - match.index <= MAX_SUFFIX) return title.slice(0, match.index).trim() || title;
  }
  return title;
}

/**
 * The blocks that can be the info line: after the heading (not the heading
 * itself), and before the container when the container follows the heading.
 */
export function infoBlocks(blocks: InfoBlock[], scan: PageScan, container: Range | null): InfoBlock[] {
  const heading = scan.heading;
  const after = heading?.index ?? -1;
  const before = container !== null && container.start > after ? container.start : Infinity;
  return blocks.filter((block) => block.index > after && block.index < before && block.text !== heading?.text);
}

/** The date: the info line's, else a date `<meta>` tag's; `null` with a warning when neither reads. */
export function pageDate(info: InfoBlock | undefined, scan: PageScan, timeZone: string, warnings: Warnings): PostDate | null {
  const fromInfo = info === undefined ? null : dateIn(info.text);
  const meta = fromInfo === null ? DATE_META.map((key) => scan.meta.get(key)).find((value) => value !== undefined) : undefined;
  const raw = fromInfo ?? (meta === undefined ? null : meta.trim());
  if (raw === null) {
    warnings.add('missing-date', 'the page shows no date (no info line with one, no date meta tag); date is null');
    return null;
  }
  // A meta tag may carry a whole ISO date with its offset; else the date inside its text.
  const direct = fromInfo === null ? readDate(raw, timeZone, 'page') : 'invalid';
  if (typeof direct !== 'string') return direct;
  const text = fromInfo ?? dateIn(raw);
  const date = text === null ? 'invalid' : readDate(isoText(text), timeZone, 'page');
  if (typeof date !== 'string') return { ...date, raw: text! };
  warnings.add('invalid-date', `the page's date ${quoted(raw)} is not a valid date; date is null`);
  return null;
}

/** The first date in `text` in either form, as written. */
export function dateIn(text: string): string | null {
  const chinese = CHINESE_DATE.exec(text);
  const dashed = DASHED_DATE.exec(text);
  const match = chinese !== null && (dashed === null || chinese.index <= dashed.index) ? chinese : dashed;
  return match === null ? null : match[0];
}

/** `2026年08月19日 17:46` → `2026-08-19 17:46:00`, the form `readDate` reads. */
function isoText(text: string): string {
  const match = CHINESE_DATE.exec(text) ?? DASHED_DATE.exec(text)!;
  const [, year, month, day, hour, minute, second] = match;
  const pad = (value: string): string => value.padStart(2, '0');
  const date = `${year}-${pad(month!)}-${pad(day!)}`;
  return hour === undefined ? date : `${date} ${pad(hour)}:${minute}:${second ?? '00'}`;
}

/** The source the page names outside the body: the info line's `来源：`, else `data-source`, else `.sourcebox`. */
export function pageSource(info: InfoBlock | undefined, scan: PageScan): Source | null {
  const label = info === undefined ? null : SOURCE_LABEL.exec(info.text);
  if (label !== null) return { name: label[1]!, text: label[0], from: 'page' };
  const dataSource = scan.dataSource === null ? '' : plainText(scan.dataSource);
  if (dataSource !== '') return { name: dataSource, text: dataSource, from: 'page' };
  const box = scan.sourceBox === null ? null : readAttribution(scan.sourceBox);
  return box === null ? null : { ...box, from: 'page' };
}

/** The summary box's text, else the `description` (or `og:description`) meta tag; `null` when empty. */
export function pageSummary(scan: PageScan): string | null {
  const text = scan.summaryBox ?? plainText(scan.meta.get('description') ?? scan.meta.get('og:description') ?? '');
  return text === '' ? null : text;
}

/**
 * The page's address: `<link rel="canonical">`, else `og:url`, else
 * `options.url`; relative ones resolve against `base`. One that cannot be
 * kept is a warning, and the next is tried.
 */
export function pageUrl(scan: PageScan, optionUrl: string | null, base: string | null, warnings: Warnings): PostUrl | null {
  const candidates: [string, string | null | undefined][] = [
    ['the canonical link', scan.canonical],
    ['the og:url meta tag', scan.meta.get('og:url')],
    ['options.url', optionUrl],
  ];
  for (const [what, href] of candidates) {
    if (href == null || href.trim() === '') continue;
    const resolved = resolveUrl(href, base);
    const url = typeof resolved === 'string' ? resolved : readPostUrl(resolved.href);
    if (typeof url !== 'string') return url;
    warnings.add(url, `dropped the page address ${quoted(href)} from ${what}: it ${describeUrlProblem(url)}`);
  }
  warnings.add('missing-url', 'the page names no address of its own (no canonical link, no og:url) and options.url is not given');
  return null;
}
