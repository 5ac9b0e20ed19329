import { cleanText } from '../text.js';

/** A range of the text being built; `start` stays -1 until content arrives. */
export interface Span {
  start: number;
  end: number;
  /** Until {@link TextBuilder.closeSpan}: content that arrives still belongs to it. */
  open: boolean;
}

const WHITESPACE = /\s+/g;
/** A quick test before collapsing: most pieces of Chinese text have no whitespace. */
const ANY_WHITESPACE = /\s/;
/** How many pieces {@link TextBuilder} keeps before joining them into one. */
const JOIN_EVERY = 1024;
/** Text is collapsed at most this many characters at a time. */
const CHUNK = 1 << 16;

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

/**
 * Builds the clean text of one block from the pieces the HTML gives it:
 * whitespace runs collapse to one space, leading and trailing whitespace
 * goes, `<br>` becomes `\n`, inline pieces join with nothing added.
 * Spans record where marked content (a mention's label) lands.
 */
export class TextBuilder {
  private parts: string[] = [];
  /** `parts` before this index are already joined chunks (see {@link push}). */
  private joined = 0;
  private size = 0;
  private content = 0;
  private pendingSpace = false;
  private pendingBreaks = 0;
  private afterSeparator = true;
  /**
   * Spans opened since the last content, which starts them. Closed spans
   * stay in the list (marked closed) until content or the block's end clears
   * it, so closing a span never searches the list.
   */
  private waiting: Span[] = [];
  private cleaned = false;
  /** The offset just after the last content character. */
  private contentEnd = 0;

  /** Characters of real content so far (separators not counted). */
  get contentLength(): number {
    return this.content;
  }

  /** Whether {@link cleanText} changed any piece of this block. */
  get hadUnsafeCharacters(): boolean {
    return this.cleaned;
  }

  /** The offset where the next character would go. */
  get length(): number {
    return this.size;
  }

  append(raw: string): void {
    if (raw.length <= CHUNK) {
      this.appendChunk(raw);
      return;
    }
    // One huge text run (a body with no markup) is collapsed in chunks, so
    // the regexp replacement never holds millions of pieces at once.
    for (let start = 0; start < raw.length; ) {
      let end = Math.min(start + CHUNK, raw.length);
      if (end < raw.length && isHighSurrogate(raw.charCodeAt(end - 1))) end--;
      this.appendChunk(raw.slice(start, end));
      start = end;
    }
  }

  private appendChunk(raw: string): void {
    const collapsed = ANY_WHITESPACE.test(raw) ? raw.replace(WHITESPACE, ' ') : raw;
    let text = cleanText(collapsed);
    if (text !== collapsed) {
      // Removing a control character can bring two spaces together.
      this.cleaned = true;
      text = text.replace(WHITESPACE, ' ');
    }
    if (text.length === 0) return;
    if (text.charCodeAt(0) === 32) {
      this.pendingSpace = true;
      text = text.slice(1);
      if (text.length === 0) return;
    }
    const trailing = text.charCodeAt(text.length - 1) === 32;
    if (trailing) text = text.slice(0, -1);
    this.flushPending();
    if (this.waiting.length > 0) {
      for (const span of this.waiting) if (span.open) span.start = this.size;
      this.waiting.length = 0;
    }
    this.push(text);
    this.size += text.length;
    this.contentEnd = this.size;
    this.content += text.length;
    this.afterSeparator = false;
    this.pendingSpace = trailing;
  }

  /** A `<br>`: a newline, kept only if content follows. */
  lineBreak(): void {
    this.pendingBreaks++;
  }

  /** A soft boundary between inline blocks (e.g. two `<p>` inside a table cell). */
  space(): void {
    this.pendingSpace = true;
  }

  /** A hard separator (table cell `\t`, row `\n`): always kept, eats pending whitespace. */
  separator(char: string): void {
    this.pendingSpace = false;
    this.pendingBreaks = 0;
    this.push(char);
    this.size += char.length;
    this.afterSeparator = true;
  }

  /** Starts a span at the next content character. */
  openSpan(): Span {
    const span: Span = { start: -1, end: -1, open: true };
    this.waiting.push(span);
    return span;
  }

  /**
   * Ends a span after its last content character (separators after it stay
   * out); a span that never got content keeps `start === -1`. O(1), and
   * closing a closed span changes nothing.
   */
  closeSpan(span: Span): void {
    if (!span.open) return;
    span.open = false;
    if (span.start !== -1) span.end = this.contentEnd;
  }

  /** Returns the text and resets the builder for the next block. */
  take(): string {
    const text = this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
    this.parts = [];
    this.joined = 0;
    this.size = 0;
    this.content = 0;
    this.pendingSpace = false;
    this.pendingBreaks = 0;
    this.afterSeparator = true;
    if (this.waiting.length > 0) this.waiting.length = 0;
    this.cleaned = false;
    this.contentEnd = 0;
    return text;
  }

  /**
   * Adds a piece. Every {@link JOIN_EVERY} pieces are joined into one, so a
   * block of a million tiny pieces (`&amp;` repeated) holds a thousand
   * strings, not a million: each character is copied once more, at most.
   */
  private push(piece: string): void {
    this.parts.push(piece);
    if (this.parts.length - this.joined >= JOIN_EVERY) {
      const chunk = this.parts.splice(this.joined).join('');
      this.parts.push(chunk);
      this.joined = this.parts.length;
    }
  }

  private flushPending(): void {
    if (!this.afterSeparator) {
      const gap = this.pendingBreaks > 0 ? '\n'.repeat(this.pendingBreaks) : this.pendingSpace ? ' ' : '';
      if (gap) {
        this.push(gap);
        this.size += gap.length;
      }
    }
    this.pendingSpace = false;
    this.pendingBreaks = 0;
  }
}
