/**
 * One streaming pass over the body HTML: no DOM tree, no recursion. An
 * explicit stack of open elements tells what is hidden, bold, centered,
 * linked; text goes into a {@link TextBuilder} and leaves as a paragraph at
 * every block boundary.
 */

import type { Body, Image, Link, Paragraph, Source } from '../../types.js';
import { readAttribution } from '../attribution.js';
import { cleanText, countInvisible, quoted } from '../text.js';
import { absoluteUrl, describeUrlProblem, isUrlProblem, resolveHref } from '../url.js';
import type { Position, Warnings } from '../warnings.js';
import { EntityRegistry } from './entities.js';
import { streamHtml, type HtmlHandler } from './html-stream.js';
import {
  BLOCK_ELEMENTS,
  HEADING_ELEMENTS,
  READ_ATTRIBUTES,
  SKIPPED_ELEMENTS,
  entityRef,
  hasClass,
  isAdvert,
  isCaptionText,
  isChart,
  isContextId,
  isNoteText,
  isPromotion,
  securityRef,
  styleFlags,
  StyleFlag,
  spanRef,
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
  /** Sets the `stock_…`/`bk_…`/`Info.…` context id for its descendants. */
  Context: 512,
  /** Sets `visibility` for its descendants (an entry of `BodyWalker.visible`). */
  Visibility: 1024,
} as const;
type Flag = (typeof Flag)[keyof typeof Flag];

/**
 * What an open element does. Frames with nothing but flags are shared (one
 * per flag combination), so 100,000 nested `<b>` cost a stack slot each,
 * not an object each.
 */
interface Frame {
  readonly flags: number;
  /** The label span of the mention this element opens. */
  readonly mention: Span | null;
  readonly link: PendingLink | null;
  /** A span with a context id, the mention itself unless a reference opens inside it. */
  readonly candidate?: Candidate;
}

/** A context span that may be its own mention (older pages: `<span id="stock_6007171">甲</span>`, no link inside). */
interface Candidate {
  ref: EntityRef;
  span: Span;
  /** Where its start tag is, for the `unknown-market` warning of an unresolved `ref` (counted when it opens, as positions must be). */
  position: Position | null;
  /** `BodyWalker.references` and `BodyWalker.blocks` when it opened: a change means a reference or a block boundary inside. */
  references: number;
  blocks: number;
}

/** An entity reference waiting for its block to end; `span` is null for charts. */
interface Pending {
  ref: EntityRef;
  span: Span | null;
}

interface PendingLink {
  /** `null` for an address that is not kept: its text still counts as link text. */
  href: string | null;
  span: Span;
}

const BLANK_LINE = /\n[ \t]*\n/;
const SENTENCE_END = /[。！？!?；;]$/;
const MAX_HEADING_LENGTH = 60;
const SHARED_FRAMES: readonly Frame[] = Array.from({ length: Flag.Visibility * 2 }, (_, flags) => ({ flags, mention: null, link: null }));
const INERT = SHARED_FRAMES[0]!;

/** Where the body is and how to read its links. */
export interface BodyContext {
  /** 0-based line of the body's first character in the input, for warning positions. */
  line: number;
  /** Absolute address relative links resolve against; without one they are dropped. */
  baseUrl: string | null;
  /** Read only `html.slice(start, end)` (an article page's container); positions still count in `html`. */
  range?: { start: number; end: number };
  /** Elements whose content is not the article (page chrome): skipped as hidden ones are. */
  skipElement?: (name: string, attribs: Attributes) => boolean;
  /**
   * Blocks that are not the article (page chrome), given their text and how
   * many of its characters are link text: dropped with their mentions and links.
   */
  dropBlock?: (text: string, linkedLength: number) => boolean;
}

/** Parses body HTML into paragraphs, entities, images, links and the source. */
export function walkBody(html: string, warnings: Warnings, context: BodyContext): Body {
  const walker = new BodyWalker(html, warnings, context);
  const range = context.range;
  streamHtml(range === undefined ? html : html.slice(range.start, range.end), walker, READ_ATTRIBUTES);
  return walker.result();
}

class BodyWalker implements HtmlHandler {
  private readonly stack: Frame[] = [];
  /** The innermost open `<a>` that is a mention or a link: anchors never nest (see {@link onOpen}). */
  private openAnchor: Frame | null = null;
  /** The context ids of the open elements that set one, innermost last. */
  private readonly contexts: string[] = [];
  /** The `visibility` the open elements that set one give, innermost last: `true` for visible. */
  private readonly visible: boolean[] = [];
  /** Where the current event starts in the HTML. */
  private index = 0;
  private depth = { skip: 0, block: 0, bold: 0, center: 0, heading: 0, media: 0, table: 0, chart: 0, mention: 0 };
  private readonly text = new TextBuilder();
  private readonly mediaText = new TextBuilder();

  // The block being built.
  private readonly pending: Pending[] = [];
  private readonly links: PendingLink[] = [];
  private boldChars = 0;
  private plainChars = 0;
  private centered = false;
  private heading = false;
  /** The table being built: how many rows, and cells in its last row. */
  private table: { rows: number; cells: number } | null = null;

  // What the chart being read still needs.
  private chartNeedsRef = false;

  private readonly registry = new EntityRegistry();
  /** Codes of unresolved securities already warned about. */
  private readonly unresolvedCodes = new Set<string>();
  private readonly paragraphs: Paragraph[] = [];
  private readonly images: Image[] = [];
  private readonly bodyLinks: Link[] = [];
  private source: Source | null = null;
  private lastImage: Image | null = null;

  // Incremental line counting for warning positions.
  private countedTo = 0;
  private readonly firstLine: number;
  private countedLine: number;
  private countedLineStart = 0;

  private readonly baseUrl: string | null;
  /** Where the streamed HTML starts in `html` (see {@link BodyContext.range}). */
  private readonly offset: number;
  private readonly skipElement: BodyContext['skipElement'] | null;
  private readonly dropBlock: BodyContext['dropBlock'] | null;
  /** How many references and blocks have opened and ended: see {@link Candidate}. */
  private references = 0;
  private blocks = 0;

  constructor(
    private readonly html: string,
    private readonly warnings: Warnings,
    context: BodyContext,
  ) {
    this.firstLine = context.line + 1;
    this.countedLine = this.firstLine;
    this.baseUrl = context.baseUrl;
    this.offset = context.range?.start ?? 0;
    this.skipElement = context.skipElement ?? null;
    this.dropBlock = context.dropBlock ?? null;
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

  onOpen(name: string, attribs: Attributes, index: number): void {
    this.index = index;
    // An `<a>` while an `<a>` is open ends the open one, as HTML's adoption
    // agency does: link texts never overlap, so the output cannot repeat the
    // text of nested links (n nested links would make n² text).
    if (name === 'a' && this.openAnchor !== null) this.endReference(this.openAnchor);
    if (this.depth.skip > 0) {
      this.stack.push(INERT);
      return;
    }
    const style = styleFlags(name, attribs);
    if (SKIPPED_ELEMENTS.has(name) || style & StyleFlag.Hidden || isAdvert(attribs) || this.skipElement?.(name, attribs)) {
      this.depth.skip++;
      this.stack.push(SHARED_FRAMES[Flag.Skip]!);
      return;
    }
    let flags = 0;
    if (style & (StyleFlag.Invisible | StyleFlag.Visible)) {
      this.visible.push((style & StyleFlag.Invisible) === 0);
      flags = Flag.Visibility;
    }
    // Inside `visibility: hidden` elements keep their structure, but nothing shows.
    const shown = !this.invisible;
    if (name === 'br' || name === 'img') {
      if (shown && name === 'img') this.image(attribs);
      else if (shown) this.lineBreak();
      this.stack.push(SHARED_FRAMES[flags]!);
      return;
    }
    flags |= this.structure(name);
    if (name === 'strong' || name === 'b') flags |= this.enter(Flag.Bold);
    if (HEADING_ELEMENTS.has(name)) flags |= this.enter(Flag.Heading);
    if (style & StyleFlag.Centered) flags |= this.enter(Flag.Center);
    if (shown && hasClass(attribs, 'em_media') && this.source === null && this.depth.media === 0) {
      this.endBlock();
      flags |= this.enter(Flag.Media);
    }
    const id = attribs['id'];
    if (id !== undefined && isContextId(id)) {
      this.contexts.push(id);
      flags |= Flag.Context;
    }
    const reference = shown && (name === 'a' || name === 'span') ? this.reference(name, attribs) : null;
    if (reference !== null) {
      const frame = { flags: flags | reference.flags, mention: reference.mention, link: reference.link };
      if (reference === this.openAnchor) this.openAnchor = frame;
      this.stack.push(frame);
      return;
    }
    const ref = shown && flags & Flag.Context && name === 'span' && this.depth.mention === 0 && this.depth.media === 0 ? spanRef(id!) : null;
    if (ref === null) this.stack.push(SHARED_FRAMES[flags]!);
    else {
      const position = ref.kind === 'unresolved' ? this.position() : null;
      const candidate = { ref, span: this.text.openSpan(), position, references: this.references, blocks: this.blocks };
      this.stack.push({ flags, mention: null, link: null, candidate });
    }
  }

  onClose(): void {
    const frame = this.stack.pop();
    if (frame === undefined || frame === INERT) return;
    const { flags } = frame;
    if (flags & Flag.Skip) {
      this.depth.skip--;
      return;
    }
    this.endReference(frame);
    if (frame.candidate) this.endCandidate(frame.candidate);
    if (flags & Flag.Visibility) this.visible.pop();
    if (flags & Flag.Context) this.contexts.pop();
    if (flags & Flag.Block) {
      this.endBlock();
      this.depth.block--;
    } else if (flags & Flag.Soft) {
      this.text.space();
    }
    if (flags & Flag.Table && --this.depth.table === 0) this.endBlock();
    if (flags & Flag.Media && --this.depth.media === 0) this.readSource();
    if (flags & Flag.Bold) this.depth.bold--;
    if (flags & Flag.Center) this.depth.center--;
    if (flags & Flag.Heading) this.depth.heading--;
    if (flags & Flag.Chart) {
      this.depth.chart--;
      this.chartNeedsRef = false;
    }
  }

  onText(data: string, index: number): void {
    if (this.depth.skip > 0 || this.invisible) return;
    this.index = index;
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

  onUnclosed(message: string, index: number): void {
    this.warnings.add('unclosed-markup', message, this.position(index));
  }

  /** Whether the innermost `visibility` set is `hidden` or `collapse`. */
  private get invisible(): boolean {
    return this.visible.length > 0 && !this.visible[this.visible.length - 1];
  }

  /** A `<br>`. Inside a table `\n` separates rows, so a line break is a space there. */
  private lineBreak(): void {
    if (this.depth.media > 0) this.mediaText.lineBreak();
    else if (this.depth.table > 0) this.text.space();
    else this.text.lineBreak();
  }

  /** Counts `flag` as open and returns it, for the frame's flags. */
  private enter(flag: Flag): number {
    switch (flag) {
      case Flag.Block: this.depth.block++; break;
      case Flag.Bold: this.depth.bold++; break;
      case Flag.Center: this.depth.center++; break;
      case Flag.Heading: this.depth.heading++; break;
      case Flag.Media: this.depth.media++; break;
      case Flag.Table: this.depth.table++; break;
      case Flag.Chart: this.depth.chart++; break;
    }
    return flag;
  }

  /** Blocks, tables, rows and cells: the flags they give the element. */
  private structure(name: string): number {
    if (name === 'table') {
      if (this.depth.table === 0) {
        this.endBlock();
        this.table = { rows: 0, cells: 0 };
      }
      return this.enter(Flag.Table);
    }
    if (this.depth.table > 0) {
      if (name === 'tr') this.startRow();
      else if (name === 'td' || name === 'th') this.startCell();
      else if (BLOCK_ELEMENTS.has(name)) {
        this.text.space();
        return Flag.Soft;
      }
      return 0;
    }
    if (BLOCK_ELEMENTS.has(name)) {
      this.endBlock();
      return this.enter(Flag.Block);
    }
    return 0;
  }

  /**
   * Rows and cells are separators in the text (`\n`, `\t`): whitespace in
   * the HTML collapses to spaces, so these characters mean nothing else.
   */
  private startRow(): void {
    const table = (this.table ??= { rows: 0, cells: 0 });
    if (table.rows > 0) this.text.separator('\n');
    table.rows++;
    table.cells = 0;
  }

  private startCell(): void {
    const table = (this.table ??= { rows: 0, cells: 0 });
    if (table.rows === 0) this.startRow();
    if (table.cells > 0) this.text.separator('\t');
    table.cells++;
  }

  /** Stock, board, keyword and glossary links; charts; other links. */
  private reference(name: string, attribs: Attributes): Frame | null {
    if (isChart(name, attribs)) {
      this.chartNeedsRef = !this.chart(attribs);
      return { flags: this.enter(Flag.Chart), mention: null, link: null };
    }
    if (this.depth.media > 0 || this.depth.mention > 0) return null;
    const rawHref = attribs['href'];
    const href = rawHref === undefined ? null : this.url(rawHref, 'link');
    const ref = entityRef(attribs, href, this.contexts[this.contexts.length - 1] ?? null);
    if (ref !== null) this.references++;
    if (ref === 'invalid') {
      this.warnings.add('invalid-data-code', `cannot read the entity reference ${describe(attribs)}`, this.position());
    } else if (ref !== null) {
      if (ref.kind === 'unresolved') this.unresolved(ref.code);
      const mention = this.text.openSpan();
      this.pending.push({ ref, span: mention });
      this.depth.mention++;
      return this.anchor(name, { flags: 0, mention, link: null });
    }
    if (rawHref === undefined || name !== 'a') return null;
    const link = { href, span: this.text.openSpan() };
    this.links.push(link);
    return this.anchor(name, { flags: 0, mention: null, link });
  }

  private anchor(name: string, frame: Frame): Frame {
    if (name === 'a') this.openAnchor = frame;
    return frame;
  }

  /** Ends the mention or link `frame` opens, once: at its end tag, or earlier at the next `<a>`. */
  private endReference(frame: Frame): void {
    if (frame === this.openAnchor) this.openAnchor = null;
    if (frame.mention !== null && frame.mention.open) {
      this.text.closeSpan(frame.mention);
      this.depth.mention--;
    }
    if (frame.link !== null) this.text.closeSpan(frame.link.span);
  }

  /**
   * An address from the markup, resolved and checked: `null`, with a
   * warning, for one that is unsafe, malformed or relative without a base;
   * `null` without one for an empty or `#fragment` address.
   */
  private url(href: string, what: 'link' | 'image'): string | null {
    const url = resolveHref(href, this.baseUrl);
    if (url === null || !isUrlProblem(url)) return url;
    const message = `dropped the ${what} address ${quoted(href)}: it ${describeUrlProblem(url)}`;
    this.warnings.add(url, message, this.position());
    return null;
  }

  /** Registers the security a chart shows; `false` when its markup names none. */
  private chart(attribs: Attributes): boolean {
    const dataCode = attribs['data-code'];
    if (dataCode === undefined) return false;
    const href = attribs['href'];
    const ref = securityRef(dataCode, href === undefined ? null : absoluteUrl(href), null);
    if (ref === 'invalid') {
      this.warnings.add('invalid-data-code', `cannot read the chart reference ${describe(attribs)}`, this.position());
      return true;
    }
    if (ref.kind === 'unresolved') this.unresolved(ref.code);
    this.pending.push({ ref, span: null });
    return true;
  }

  /** A context span with no reference inside and text in one block is a mention of what its id names. */
  private endCandidate(candidate: Candidate): void {
    const { span } = candidate;
    this.text.closeSpan(span);
    if (candidate.references !== this.references || candidate.blocks !== this.blocks || span.start === -1 || span.end <= span.start) return;
    const { ref } = candidate;
    if (ref.kind === 'unresolved') this.unresolved(ref.code, candidate.position ?? undefined);
    this.pending.push({ ref, span });
    this.references++;
  }

  /** Warns once per code about a security whose market the markup does not tell. */
  private unresolved(code: string, position?: Position): void {
    if (this.unresolvedCodes.has(code)) return;
    this.unresolvedCodes.add(code);
    this.warnings.add('unknown-market', `the market of the security ${quoted(code)} is not in the markup; its secid is null`, position ?? this.position());
  }

  private image(attribs: Attributes): void {
    if (this.depth.chart > 0 || isChart('img', attribs)) {
      if (this.depth.chart === 0 || this.chartNeedsRef) this.chartNeedsRef = !this.chart(attribs);
      return;
    }
    const src = this.url(attribs['src'] ?? '', 'image');
    if (src === null) return;
    const original = attribs['orginial_src'] ?? attribs['original_src'];
    const alt = attribs['alt'];
    const image: Image = {
      src,
      alt: alt === undefined ? null : this.plainText(alt, 'the alt text of an image'),
      caption: null,
      width: dimension(attribs['width']),
      height: dimension(attribs['height']),
      originalSrc: original === undefined ? null : this.url(original, 'image'),
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

  /** Text from an attribute: cleaned, with the warnings paragraphs get. */
  private plainText(raw: string, what: string): string {
    const text = cleanText(raw);
    if (text !== raw) this.warnings.add('control-characters', `removed control characters from ${what}`, this.position());
    this.checkInvisible(text, what);
    return text;
  }

  private checkInvisible(text: string, what: string): void {
    const count = countInvisible(text);
    if (count > 0) {
      this.warnings.add('invisible-characters', `${what} contains ${count} bidirectional-control or zero-width characters`, this.position());
    }
  }

  private readSource(): void {
    if (this.mediaText.hadUnsafeCharacters) {
      this.warnings.add('control-characters', 'removed control characters from the source attribution', this.position());
    }
    this.source = readAttribution(this.mediaText.take());
    if (this.source !== null) this.checkInvisible(this.source.text, 'the source attribution');
  }

  /** Ends the block being built: emits it as a paragraph unless it is empty, a promotion or page chrome. */
  private endBlock(): void {
    this.blocks++;
    const hasContent = this.text.contentLength > 0;
    const cleaned = this.text.hadUnsafeCharacters;
    const text = this.text.take();
    if (hasContent && (isPromotion(text) || this.dropBlock?.(text, this.linkedLength()))) {
      // Dropped whole: its mentions and links go with it, and an image in it stands before the next paragraph.
      for (let i = this.images.length - 1; i >= 0 && this.images[i]!.position > this.paragraphs.length; i--) this.images[i]!.position = this.paragraphs.length;
      this.resetBlock();
      return;
    }
    const mentions = [];
    for (const { ref, span } of this.pending) {
      const labelled = hasContent && span !== null && span.start !== -1 && span.end > span.start;
      const label = labelled ? text.slice(span.start, span.end) : '';
      const entity = this.registry.add(ref, label, labelled);
      if (labelled) mentions.push({ entityIndex: entity, start: span.start, end: span.end });
    }
    for (const { href, span } of this.links) {
      if (href === null) continue;
      const linkText = hasContent && span.start !== -1 && span.end > span.start ? text.slice(span.start, span.end) : '';
      this.bodyLinks.push({ text: linkText, href, kind: 'article' });
    }
    const table = this.table;
    const kind = this.kindOf(text);
    this.resetBlock();
    if (!hasContent) return;
    const what = `paragraph ${this.paragraphs.length + 1}`;
    if (cleaned) this.warnings.add('control-characters', `removed control characters from ${what}`, this.position());
    this.checkInvisible(text, what);
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

  /** How many characters of the block being built are link text. */
  private linkedLength(): number {
    let length = 0;
    for (const { span } of this.links) if (span.start !== -1 && span.end > span.start) length += span.end - span.start;
    return length;
  }

  private resetBlock(): void {
    if (this.pending.length > 0) this.pending.length = 0;
    if (this.links.length > 0) this.links.length = 0;
    this.boldChars = 0;
    this.plainChars = 0;
    this.centered = false;
    this.heading = false;
    this.table = null;
  }

  /** The 1-based position of `at` (the current event by default), counted incrementally. */
  private position(at: number = this.index): Position {
    const index = Math.min(at + this.offset, this.html.length);
    if (index < this.countedTo) {
      // Behind the count (an unclosed comment reported at the end): count afresh.
      const before = this.html.slice(0, index);
      const lineStart = before.lastIndexOf('\n') + 1;
      return { line: this.firstLine + before.split('\n').length - 1, column: index - lineStart + 1 };
    }
    for (let i = this.countedTo; i < index; i++) {
      if (this.html.charCodeAt(i) === 10) {
        this.countedLine++;
        this.countedLineStart = i + 1;
      }
    }
    this.countedTo = index;
    return { line: this.countedLine, column: index - this.countedLineStart + 1 };
  }
}

function dimension(value: string | undefined): number | null {
  if (value === undefined || !/^\d{1,6}$/.test(value.trim())) return null;
  return Number(value.trim());
}

function describe(attribs: Attributes): string {
  const code = attribs['data-code'];
  return code === undefined ? `(href ${quoted(attribs['href'] ?? '')})` : `data-code=${quoted(code)}`;
}
