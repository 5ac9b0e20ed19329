/**
 * One streaming pass over the body HTML with htmlparser2: no DOM tree, no
 * recursion. An explicit stack of open elements tells what is hidden, bold,
 * centered, linked; text goes into a {@link TextBuilder} and leaves as a
 * paragraph at every block boundary.
 */

import { Parser } from 'htmlparser2';
import type { Body, Image, Link, Paragraph, Source } from '../../types.js';
import { readAttribution } from '../attribution.js';
import { absoluteUrl } from '../url.js';
import type { Position, Warnings } from '../warnings.js';
import { EntityRegistry } from './entities.js';
import {
  BLOCK_ELEMENTS,
  HEADING_ELEMENTS,
  SKIPPED_ELEMENTS,
  entityRef,
  hasClass,
  isAdvert,
  isCaptionText,
  isCentered,
  isChart,
  isContextId,
  isHidden,
  isNoteText,
  isPromotion,
  securityRef,
  type Attributes,
  type EntityRef,
} from './markup.js';
import { TextBuilder, type Span } from './text-builder.js';

/** Bits of `Frame.flags`: what an open element does to its content. */
const Flag = {
  Skip: 1,
  Block: 2,
  Bold: 4,
  Center: 8,
  Heading: 16,
  Media: 32,
  Table: 64,
  Chart: 128,
  /** A block element inside a table: a soft space, not a new paragraph. */
  Soft: 256,
} as const;
type Flag = (typeof Flag)[keyof typeof Flag];

interface Frame {
  flags: number;
  /** The `stock_…`/`bk_…`/`Info.…` id in force for descendants. */
  context: string | null;
  /** The label span of the mention this element opens. */
  mention: Span | null;
  link: PendingLink | null;
}

/** An entity reference waiting for its block to end; `span` is null for charts. */
interface Pending {
  ref: EntityRef;
  span: Span | null;
}

interface PendingLink {
  href: string;
  span: Span;
}

const BLANK_LINE = /\n[ \t]*\n/;
const SENTENCE_END = /[。！？!?；;]$/;
const MAX_HEADING_LENGTH = 60;
const INERT: Frame = { flags: 0, context: null, mention: null, link: null };

/** Where the body starts in the input, for warning positions. */
export interface BodyLocation {
  /** 0-based line of the body's first character. */
  line: number;
}

/** Parses body HTML into paragraphs, entities, images, links and the source. */
export function walkBody(html: string, warnings: Warnings, location: BodyLocation = { line: 0 }): Body {
  const walker = new BodyWalker(html, warnings, location.line);
  const parser = new Parser(walker, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  walker.parser = parser;
  parser.end(html);
  return walker.result();
}

class BodyWalker {
  parser: Parser | null = null;

  private readonly stack: Frame[] = [];
  private depth = { skip: 0, block: 0, bold: 0, center: 0, heading: 0, media: 0, table: 0, chart: 0, mention: 0 };
  private readonly text = new TextBuilder();
  private readonly mediaText = new TextBuilder();

  // The block being built.
  private pending: Pending[] = [];
  private links: PendingLink[] = [];
  private boldChars = 0;
  private plainChars = 0;
  private centered = false;
  private heading = false;
  /** The table being built: how many rows, and cells in its last row. */
  private table: { rows: number; cells: number } | null = null;

  // What the chart being read still needs.
  private chartNeedsRef = false;

  private readonly registry = new EntityRegistry();
  private readonly paragraphs: Paragraph[] = [];
  private readonly images: Image[] = [];
  private readonly bodyLinks: Link[] = [];
  private source: Source | null = null;
  private lastImage: Image | null = null;

  // Incremental line counting for warning positions.
  private countedTo = 0;
  private countedLine: number;
  private countedLineStart = 0;

  constructor(
    private readonly html: string,
    private readonly warnings: Warnings,
    lineOffset: number,
  ) {
    this.countedLine = lineOffset + 1;
  }

  result(): Body {
    this.endBlock();
    return {
      paragraphs: this.paragraphs,
      entities: this.registry.list,
      source: this.source,
      images: this.images,
      links: this.bodyLinks,
      warnings: this.warnings.list,
    };
  }

  onopentag(name: string, attribs: Attributes): void {
    const parent = this.stack[this.stack.length - 1];
    if (this.depth.skip > 0) {
      this.stack.push(INERT);
      return;
    }
    const frame: Frame = { flags: 0, context: parent?.context ?? null, mention: null, link: null };
    this.stack.push(frame);
    if (SKIPPED_ELEMENTS.has(name) || isHidden(attribs) || isAdvert(attribs)) {
      this.enter(frame, Flag.Skip);
      return;
    }
    if (name === 'br') {
      // Inside a table `\n` separates rows, so a line break is a space there.
      if (this.depth.media > 0) this.mediaText.lineBreak();
      else if (this.depth.table > 0) this.text.space();
      else this.text.lineBreak();
      return;
    }
    if (name === 'img') {
      this.image(attribs);
      return;
    }
    this.structure(name, frame);
    if (name === 'strong' || name === 'b') this.enter(frame, Flag.Bold);
    if (HEADING_ELEMENTS.has(name)) this.enter(frame, Flag.Heading);
    if (isCentered(name, attribs)) this.enter(frame, Flag.Center);
    if (hasClass(attribs, 'em_media') && this.source === null && this.depth.media === 0) {
      this.endBlock();
      this.enter(frame, Flag.Media);
    }
    const id = attribs['id'];
    if (id !== undefined && isContextId(id)) frame.context = id;
    if (name === 'a' || name === 'span') this.reference(name, attribs, frame);
  }

  onclosetag(): void {
    const frame = this.stack.pop();
    if (frame === undefined || frame === INERT) return;
    const { flags } = frame;
    if (flags & Flag.Skip) {
      this.depth.skip--;
      return;
    }
    if (frame.mention) {
      this.text.closeSpan(frame.mention);
      this.depth.mention--;
    }
    if (frame.link) this.text.closeSpan(frame.link.span);
    if (flags & Flag.Block) {
      this.endBlock();
      this.depth.block--;
    } else if (flags & Flag.Soft) {
      this.text.space();
    }
    if (flags & Flag.Table && --this.depth.table === 0) this.endBlock();
    if (flags & Flag.Media && --this.depth.media === 0) this.source = readAttribution(this.mediaText.take());
    if (flags & Flag.Bold) this.depth.bold--;
    if (flags & Flag.Center) this.depth.center--;
    if (flags & Flag.Heading) this.depth.heading--;
    if (flags & Flag.Chart) {
      this.depth.chart--;
      this.chartNeedsRef = false;
    }
  }

  ontext(data: string): void {
    if (this.depth.skip > 0) return;
    if (this.depth.media > 0) {
      this.mediaText.append(data);
      return;
    }
    if (this.depth.block === 0 && this.depth.table === 0 && BLANK_LINE.test(data)) {
      // Plain text outside any block (digest-only posts): blank lines end paragraphs.
      const pieces = data.split(BLANK_LINE);
      for (let i = 0; i < pieces.length; i++) {
        if (i > 0) this.endBlock();
        this.append(pieces[i]!);
      }
      return;
    }
    this.append(data);
  }

  private enter(frame: Frame, flag: Flag): void {
    frame.flags |= flag;
    switch (flag) {
      case Flag.Skip: this.depth.skip++; break;
      case Flag.Block: this.depth.block++; break;
      case Flag.Bold: this.depth.bold++; break;
      case Flag.Center: this.depth.center++; break;
      case Flag.Heading: this.depth.heading++; break;
      case Flag.Media: this.depth.media++; break;
      case Flag.Table: this.depth.table++; break;
      case Flag.Chart: this.depth.chart++; break;
    }
  }

  /** Blocks, tables, rows and cells. */
  private structure(name: string, frame: Frame): void {
    if (name === 'table') {
      if (this.depth.table === 0) {
        this.endBlock();
        this.table = { rows: 0, cells: 0 };
      }
      this.enter(frame, Flag.Table);
    } else if (this.depth.table > 0) {
      if (name === 'tr') this.startRow();
      else if (name === 'td' || name === 'th') this.startCell();
      else if (BLOCK_ELEMENTS.has(name)) {
        frame.flags |= Flag.Soft;
        this.text.space();
      }
    } else if (BLOCK_ELEMENTS.has(name)) {
      this.endBlock();
      this.enter(frame, Flag.Block);
    }
  }

  /**
   * Rows and cells are separators in the text (`\n`, `\t`): whitespace in
   * the HTML collapses to spaces, so these characters mean nothing else.
   */
  private startRow(): void {
    const table = this.table!;
    if (table.rows > 0) this.text.separator('\n');
    table.rows++;
    table.cells = 0;
  }

  private startCell(): void {
    const table = this.table!;
    if (table.rows === 0) this.startRow();
    if (table.cells > 0) this.text.separator('\t');
    table.cells++;
  }

  /** Stock, board, keyword and glossary links; charts; other links. */
  private reference(name: string, attribs: Attributes, frame: Frame): void {
    if (isChart(name, attribs)) {
      this.enter(frame, Flag.Chart);
      this.chartNeedsRef = !this.chart(attribs);
      return;
    }
    if (this.depth.media > 0 || this.depth.mention > 0) return;
    const ref = entityRef(attribs, frame.context);
    if (ref === 'invalid') {
      this.warnings.add('invalid-data-code', `cannot read the entity reference ${describe(attribs)}`, this.position());
    } else if (ref !== null) {
      frame.mention = this.text.openSpan();
      this.pending.push({ ref, span: frame.mention });
      this.depth.mention++;
      return;
    }
    const href = name === 'a' ? attribs['href'] : undefined;
    const absolute = href === undefined ? null : absoluteUrl(href);
    if (absolute !== null) {
      frame.link = { href: absolute, span: this.text.openSpan() };
      this.links.push(frame.link);
    }
  }

  /** Registers the security a chart shows; `false` when its markup names none. */
  private chart(attribs: Attributes): boolean {
    const dataCode = attribs['data-code'];
    if (dataCode === undefined) return false;
    const ref = securityRef(dataCode, attribs['href'], null);
    if (ref === 'invalid') {
      this.warnings.add('invalid-data-code', `cannot read the chart reference ${describe(attribs)}`, this.position());
      return true;
    }
    this.pending.push({ ref, span: null });
    return true;
  }

  private image(attribs: Attributes): void {
    if (this.depth.chart > 0 || isChart('img', attribs)) {
      if (this.depth.chart === 0 || this.chartNeedsRef) this.chartNeedsRef = !this.chart(attribs);
      return;
    }
    const src = absoluteUrl(attribs['src'] ?? '');
    if (src === null) return;
    const original = attribs['orginial_src'] ?? attribs['original_src'];
    const image: Image = {
      src,
      alt: attribs['alt'] ?? null,
      caption: null,
      width: dimension(attribs['width']),
      height: dimension(attribs['height']),
      originalSrc: original === undefined ? null : absoluteUrl(original),
      position: this.paragraphs.length + (this.text.contentLength > 0 ? 1 : 0),
    };
    this.images.push(image);
    this.lastImage = image;
  }

  private append(data: string): void {
    const before = this.text.contentLength;
    this.text.append(data);
    const added = this.text.contentLength - before;
    if (added === 0) return;
    if (this.depth.bold > 0) this.boldChars += added;
    else this.plainChars += added;
    if (this.depth.center > 0) this.centered = true;
    if (this.depth.heading > 0) this.heading = true;
  }

  /** Ends the block being built: emits it as a paragraph unless it is empty. */
  private endBlock(): void {
    const hasContent = this.text.contentLength > 0;
    const text = this.text.take();
    const mentions = [];
    for (const { ref, span } of this.pending) {
      const labelled = hasContent && span !== null && span.start !== -1 && span.end > span.start;
      const label = labelled ? text.slice(span.start, span.end) : '';
      const entity = this.registry.add(ref, label, labelled);
      if (labelled) mentions.push({ entity, start: span.start, end: span.end });
    }
    for (const { href, span } of this.links) {
      const linkText = hasContent && span.start !== -1 && span.end > span.start ? text.slice(span.start, span.end) : '';
      this.bodyLinks.push({ text: linkText, href, kind: 'article' });
    }
    const table = this.table;
    const kind = this.kindOf(text);
    this.resetBlock();
    if (!hasContent || isPromotion(text)) return;
    if (table !== null) {
      const rows = text.split('\n').map((row) => row.split('\t'));
      this.paragraphs.push({ kind: 'table', text, mentions, rows });
    } else {
      if (kind === 'caption' && this.lastImage !== null) this.lastImage.caption ??= text;
      this.paragraphs.push({ kind, text, mentions });
    }
    this.lastImage = null;
  }

  private kindOf(text: string): 'paragraph' | 'heading' | 'caption' {
    if (this.lastImage !== null && (this.centered || isNoteText(text))) return 'caption';
    if (this.heading) return 'heading';
    if (this.boldChars > 0 && this.plainChars === 0 && text.length <= MAX_HEADING_LENGTH && !SENTENCE_END.test(text)) {
      return 'heading';
    }
    return isCaptionText(text) ? 'caption' : 'paragraph';
  }

  private resetBlock(): void {
    this.pending = [];
    this.links = [];
    this.boldChars = 0;
    this.plainChars = 0;
    this.centered = false;
    this.heading = false;
    this.table = null;
  }

  /** The 1-based position of the current parser event, counted incrementally. */
  private position(): Position {
    const index = Math.min(this.parser?.startIndex ?? 0, this.html.length);
    for (let i = this.countedTo; i < index; i++) {
      if (this.html.charCodeAt(i) === 10) {
        this.countedLine++;
        this.countedLineStart = i + 1;
      }
    }
    this.countedTo = Math.max(this.countedTo, index);
    return { line: this.countedLine, column: index - this.countedLineStart + 1 };
  }
}

function dimension(value: string | undefined): number | null {
  if (value === undefined || !/^\d{1,6}$/.test(value.trim())) return null;
  return Number(value.trim());
}

function describe(attribs: Attributes): string {
  const code = attribs['data-code'];
  return code === undefined ? `(href ${JSON.stringify(attribs['href'] ?? '')})` : `data-code=${JSON.stringify(code)}`;
}
