/**
 * One pass over a whole article page with the body's HTML stream: where the
 * article's container is (by {@link CONTAINER_RULES}, else where the most
 * paragraph text sits), and what the page says around it: `<title>`, the
 * heading, meta tags, the canonical link, the info line, the summary box,
 * `原标题：` and `责任编辑：` lines. Reading the container is the body
 * walker's job; this pass only finds it.
 */

import { streamHtml, type HtmlHandler } from '../body/html-stream.js';
import { BLOCK_ELEMENTS, SKIPPED_ELEMENTS, hasClass, type Attributes } from '../body/markup.js';
import { TextBuilder } from '../body/text-builder.js';
import {
  CHINESE_DATE,
  CONTAINER_RULES,
  DASHED_DATE,
  MAX_INFO_LENGTH,
  SOURCE_LABEL,
  SUMMARY_CLASSES,
  TITLE_CLASSES,
  readEditor,
  readOriginalTitle,
} from './rules.js';

/** The attributes the scan reads. */
const PAGE_ATTRIBUTES: ReadonlySet<string> = new Set(['id', 'class', 'name', 'property', 'content', 'rel', 'href', 'data-source']);

/** Where an element is in the page: from its `<` to just past its end. */
export interface Range {
  start: number;
  end: number;
}

/** A block of text outside the body that looks like part of the info line. */
export interface InfoBlock {
  /** Where its text starts in the page. */
  index: number;
  text: string;
}

/** What one pass over the page found. */
export interface PageScan {
  /** The first element matching the best container rule, and that rule's name. */
  container: (Range & { rule: string }) | null;
  /** The element whose `<p>` children hold the most text: the best-effort container. */
  densest: Range | null;
  /** The `<body>` element, or `null`. */
  body: Range | null;
  /** The `<title>` text. */
  titleTag: string | null;
  /**
   * The page heading and where it starts: the first `<h1>` or `.title`-like
   * element whose text the `<title>` starts with, else the first `<h1>`,
   * else the first `.title`-like element (a logo in an `<h1>` is not the title).
   */
  heading: InfoBlock | null;
  /** `<meta>` contents by lower-cased `name` or `property`; the first of each wins. */
  meta: Map<string, string>;
  /** `<link rel="canonical">`'s address. */
  canonical: string | null;
  /** The first `data-source` attribute. */
  dataSource: string | null;
  /** The first summary box's text (`.b-review`, `.abstract`…). */
  summaryBox: string | null;
  /** The first `.sourcebox`'s text. */
  sourceBox: string | null;
  /** Short blocks with a date, in page order. */
  dateBlocks: InfoBlock[];
  /** Short blocks with a `来源：` label, in page order. */
  sourceBlocks: InfoBlock[];
  originalTitle: string | null;
  editor: string | null;
}

/** What to do with the text of an element being collected. */
type Collect = 'titleTag' | 'h1' | 'titleClass' | 'summaryBox' | 'sourceBox';
/** How many headings are kept to choose from. */
const MAX_HEADINGS = 16;

interface Open {
  readonly start: number;
  /** The container rule it matches (an index into {@link CONTAINER_RULES}), or -1. */
  readonly rule: number;
  /** Text characters in `<p>` children. */
  score: number;
  /** `chars` when a `<p>` opened (-1 for other elements). */
  readonly paragraphFrom: number;
  readonly collect: Collect | null;
  readonly skips: boolean;
  readonly block: boolean;
  readonly isBody: boolean;
  readonly isHead: boolean;
}

/** Scans `html` once; linear in its length. */
export function scanPage(html: string): PageScan {
  const scanner = new PageScanner(html);
  streamHtml(html, scanner, PAGE_ATTRIBUTES);
  return scanner.finish();
}

class PageScanner implements HtmlHandler {
  private readonly stack: Open[] = [];
  private skip = 0;
  /** Open `<head>` elements, which {@link skip} counts too: `<title>` is read inside them only. */
  private heads = 0;
  /** Content characters seen so far (whitespace collapsed), outside skipped elements. */
  private chars = 0;
  private readonly block = new TextBuilder();
  private blockIndex = -1;
  private readonly collectors = new Map<Collect, { builder: TextBuilder; index: number }>();
  private readonly collected = new Map<Collect, InfoBlock>();
  private readonly headings: (InfoBlock & { h1: boolean })[] = [];
  /** Elements that have closed and wait for the index where they end. */
  private readonly ending: { open: Open; use: (range: Range) => void }[] = [];

  private container: (Range & { rule: string; rank: number }) | null = null;
  private best: { open: Open; range: Range | null } | null = null;
  private densestRange: Range | null = null;
  private bodyRange: Range | null = null;
  private readonly result = {
    meta: new Map<string, string>(),
    canonical: null as string | null,
    dataSource: null as string | null,
    dateBlocks: [] as InfoBlock[],
    sourceBlocks: [] as InfoBlock[],
    originalTitle: null as string | null,
    editor: null as string | null,
  };

  constructor(private readonly html: string) {}

  onOpen(name: string, attribs: Attributes, index: number): void {
    this.settle(index);
    if (name === 'meta') this.meta(attribs);
    else if (name === 'link' && attribs['rel']?.toLowerCase().split(/\s+/).includes('canonical')) this.result.canonical ??= attribs['href'] ?? null;
    if (attribs['data-source'] !== undefined && this.skip === 0) this.result.dataSource ??= attribs['data-source'];
    const skips = name !== 'title' && SKIPPED_ELEMENTS.has(name);
    const block = BLOCK_ELEMENTS.has(name) || name === 'br';
    if (block) this.endBlock();
    const collect = this.collectFor(name, attribs);
    if (collect !== null) this.collectors.set(collect, { builder: new TextBuilder(), index });
    const rule = this.skip > 0 ? -1 : CONTAINER_RULES.findIndex((r) => r.matches(name, attribs));
    const open: Open = {
      start: index,
      rule,
      score: 0,
      paragraphFrom: name === 'p' ? this.chars : -1,
      collect,
      skips,
      block,
      isBody: name === 'body',
      isHead: name === 'head',
    };
    if (skips) this.skip++;
    if (open.isHead) this.heads++;
    this.stack.push(open);
  }

  onClose(): void {
    const open = this.stack.pop();
    if (open === undefined) return;
    if (open.skips) this.skip--;
    if (open.isHead) this.heads--;
    if (open.block) this.endBlock();
    if (open.collect !== null) this.endCollect(open.collect);
    if (open.paragraphFrom !== -1) {
      const parent = this.stack[this.stack.length - 1];
      if (parent !== undefined) parent.score += this.chars - open.paragraphFrom;
    }
    if (open.score > 0 && (this.best === null || open.score > this.best.open.score)) {
      const best = { open, range: null as Range | null };
      this.best = best;
      this.ending.push({ open, use: (range) => (best.range = range) });
    }
    if (open.rule !== -1 && (this.container === null || open.rule <= this.container.rank)) {
      const rank = open.rule;
      this.ending.push({ open, use: (range) => this.offerContainer(range, rank) });
    }
    if (open.isBody && this.bodyRange === null) this.ending.push({ open, use: (range) => (this.bodyRange ??= range) });
  }

  onText(data: string, index: number): void {
    // A text event may start at a character reference's end: the element
    // before it ended at the last `>` (no `>` can stand inside the text).
    if (this.ending.length > 0) this.settle(this.html.lastIndexOf('>', index - 1) + 1);
    if (this.skip > 0 && !this.collectors.has('titleTag')) return;
    for (const { builder } of this.collectors.values()) builder.append(data);
    if (this.skip > 0) return;
    if (this.blockIndex === -1) this.blockIndex = index;
    const before = this.block.contentLength;
    this.block.append(data);
    this.chars += this.block.contentLength - before;
  }

  onUnclosed(_message: string, index: number): void {
    this.settle(index);
  }

  finish(): PageScan {
    while (this.stack.length > 0) this.onClose();
    this.settle(this.html.length);
    this.endBlock();
    const titleTag = this.collected.get('titleTag')?.text ?? null;
    const heading =
      this.headings.find((h) => titleTag !== null && titleTag.startsWith(h.text)) ??
      this.headings.find((h) => h.h1) ??
      this.headings[0] ??
      null;
    const best = this.best;
    if (best?.range != null) this.densestRange = best.range;
    const { container } = this;
    return {
      container: container === null ? null : { start: container.start, end: container.end, rule: container.rule },
      densest: this.densestRange,
      body: this.bodyRange,
      titleTag,
      heading: heading === null ? null : { index: heading.index, text: heading.text },
      summaryBox: this.collected.get('summaryBox')?.text ?? null,
      sourceBox: this.collected.get('sourceBox')?.text ?? null,
      ...this.result,
    };
  }

  /** Gives every element that has closed since the last event its end. */
  private settle(end: number): void {
    if (this.ending.length === 0) return;
    for (const { open, use } of this.ending) use({ start: open.start, end: Math.max(end, open.start) });
    this.ending.length = 0;
  }

  private offerContainer(range: Range, rank: number): void {
    const current = this.container;
    // The best rule wins; within a rule, the first element in the page (it closes first unless nested in a later one).
    if (current === null || rank < current.rank || (rank === current.rank && range.start < current.start)) {
      this.container = { ...range, rule: CONTAINER_RULES[rank]!.name, rank };
    }
  }

  private collectFor(name: string, attribs: Attributes): Collect | null {
    const first = (what: Collect): Collect | null => (this.collected.has(what) || this.collectors.has(what) ? null : what);
    // `<title>` in the head (or, on a page without one, anywhere but inside `<svg>` and the like).
    if (name === 'title') return this.skip === this.heads ? first('titleTag') : null;
    if (this.skip > 0) return null;
    const heading = this.headings.length < MAX_HEADINGS && !this.collectors.has('h1') && !this.collectors.has('titleClass');
    if (name === 'h1') return heading ? 'h1' : null;
    if (SUMMARY_CLASSES.some((c) => hasClass(attribs, c))) return first('summaryBox');
    if (hasClass(attribs, 'sourcebox')) return first('sourceBox');
    if (TITLE_CLASSES.some((c) => hasClass(attribs, c))) return heading ? 'titleClass' : null;
    return null;
  }

  private endCollect(what: Collect): void {
    const collector = this.collectors.get(what);
    if (collector === undefined) return;
    this.collectors.delete(what);
    const text = collector.builder.take();
    if (text === '') return;
    if (what === 'h1' || what === 'titleClass') this.headings.push({ index: collector.index, text, h1: what === 'h1' });
    else this.collected.set(what, { index: collector.index, text });
  }

  private meta(attribs: Attributes): void {
    const key = (attribs['property'] ?? attribs['name'])?.trim().toLowerCase();
    const content = attribs['content'];
    if (key !== undefined && content !== undefined && !this.result.meta.has(key)) this.result.meta.set(key, content);
  }

  /** A block of page text ends: keep it if it is an info line, the original title or the editor. */
  private endBlock(): void {
    const index = this.blockIndex;
    this.blockIndex = -1;
    if (this.block.contentLength === 0) {
      this.block.take();
      return;
    }
    const text = this.block.take();
    if (text.length <= MAX_INFO_LENGTH) {
      if (CHINESE_DATE.test(text) || DASHED_DATE.test(text)) this.result.dateBlocks.push({ index, text });
      if (SOURCE_LABEL.test(text)) this.result.sourceBlocks.push({ index, text });
    }
    this.result.originalTitle ??= readOriginalTitle(text);
    this.result.editor ??= readEditor(text);
  }
}
