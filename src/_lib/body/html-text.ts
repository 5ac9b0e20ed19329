/**
 * The text of a small HTML fragment (a list item's title with `<em>`
 * search highlights): tags dropped, character references decoded,
 * whitespace collapsed, control characters removed. Read with the one HTML
 * stream, so it tokenizes exactly as the body does.
 */

import { streamHtml, type HtmlHandler } from './html-stream.js';
import { BLOCK_ELEMENTS, SKIPPED_ELEMENTS, type Attributes } from './markup.js';
import { TextBuilder } from './text-builder.js';

const NO_ATTRIBUTES: ReadonlySet<string> = new Set();

/** Plain text, cleaned as body text is: whitespace runs collapsed to one space, trimmed. */
export function plainText(text: string): string {
  const builder = new TextBuilder();
  builder.append(text);
  return builder.take();
}

/** The visible text of an HTML fragment, on one line. */
export function htmlText(html: string): string {
  if (!html.includes('<') && !html.includes('&')) return plainText(html);
  const reader = new TextReader();
  streamHtml(html, reader, NO_ATTRIBUTES);
  return reader.text.take();
}

const INLINE = 0;
const HIDES = 1;
const BLOCK = 2;

class TextReader implements HtmlHandler {
  readonly text = new TextBuilder();
  /** Per open element: whether it hides its content (`<script>`, `<style>`…) or is a block. */
  private readonly kinds: number[] = [];
  private hidden = 0;

  onOpen(name: string, _attribs: Attributes): void {
    const kind = SKIPPED_ELEMENTS.has(name) ? HIDES : BLOCK_ELEMENTS.has(name) || name === 'br' ? BLOCK : INLINE;
    this.kinds.push(kind);
    if (kind === HIDES) this.hidden++;
    else if (kind === BLOCK) this.text.space();
  }

  onClose(): void {
    const kind = this.kinds.pop();
    if (kind === HIDES) this.hidden--;
    else if (kind === BLOCK) this.text.space();
  }

  onText(data: string): void {
    if (this.hidden === 0) this.text.append(data);
  }

  onUnclosed(): void {}
}
