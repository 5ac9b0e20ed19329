/**
 * HTML as a stream of balanced events: htmlparser2's `Tokenizer` plus the
 * open-element stack and the implied-end-tag rules of HTML, in time linear
 * in the input.
 *
 * htmlparser2's own `Parser` keeps its stack with `unshift`, which makes
 * deeply nested input quadratic (100,000 nested `<div>` took a second on its
 * own), and searches it with `indexOf` on every end tag. Here the stack is
 * pushed and popped at its end, and a count per tag name answers "is a `<b>`
 * open?" without a search, so each element costs O(1) amortized however
 * deep it sits.
 */

import { Tokenizer } from 'htmlparser2';
import type { Attributes } from './markup.js';

/** What the stream reports. Every `open` is matched by one `close`, innermost first. */
export interface HtmlHandler {
  /** An element starts at `index` (its `<`). Attribute names are lower case. */
  onOpen(name: string, attribs: Attributes, index: number): void;
  /** The innermost open element ends. */
  onClose(): void;
  /** Text with character references decoded, starting at `index`. */
  onText(data: string, index: number): void;
  /** Input a browser would also not show as text: an unclosed comment, tag or `<script>`. */
  onUnclosed(message: string, index: number): void;
}

const MAX_INTERNED = 1024;

/** Elements with no content and no end tag. */
const VOID_ELEMENTS: ReadonlySet<string> = new Set([
  'area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input',
  'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr',
]);

/** Elements whose content the tokenizer reads as raw text up to their end tag. */
const RAW_TEXT_ELEMENTS: ReadonlySet<string> = new Set([
  'script', 'style', 'title', 'textarea', 'iframe', 'noembed', 'noframes', 'xmp',
]);

const CLOSES_P: ReadonlySet<string> = new Set(['p']);
const CLOSES_HEADING: ReadonlySet<string> = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p']);
const CLOSES_FORM_CONTROL: ReadonlySet<string> = new Set([
  'input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea',
]);
const CLOSES_TABLE_SECTION: ReadonlySet<string> = new Set(['thead', 'tbody']);
const CLOSES_DEFINITION: ReadonlySet<string> = new Set(['dd', 'dt']);
const CLOSES_RUBY: ReadonlySet<string> = new Set(['rt', 'rp']);

/**
 * Which open elements a start tag closes first (`<p>` ends an open `<p>`,
 * `<li>` an open `<li>`): the same table as htmlparser2's `Parser`.
 */
const IMPLIED_CLOSE: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['a', new Set(['a'])],
  ['li', new Set(['li'])],
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['tbody', CLOSES_TABLE_SECTION],
  ['tfoot', CLOSES_TABLE_SECTION],
  ['dd', CLOSES_DEFINITION],
  ['dt', CLOSES_DEFINITION],
  ['rt', CLOSES_RUBY],
  ['rp', CLOSES_RUBY],
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((name) => [name, CLOSES_HEADING] as const),
  ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map((name) => [name, CLOSES_FORM_CONTROL] as const),
  ...[
    'p', 'address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption',
    'figure', 'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul',
  ].map((name) => [name, CLOSES_P] as const),
]);

/**
 * Parses `html` and reports it to `handler` as balanced events, with the
 * attributes named in `attributes` (lower case); others are not collected.
 */
export function streamHtml(html: string, handler: HtmlHandler, attributes: ReadonlySet<string>): void {
  const stream = new HtmlStream(html, handler, attributes);
  const tokenizer = new Tokenizer({ decodeEntities: true }, stream);
  tokenizer.write(html);
  tokenizer.end();
}

/** The tokenizer's callbacks; positions are indexes into the one input string. */
class HtmlStream {
  private readonly stack: string[] = [];
  /** How many elements of each name are open. */
  private readonly open = new Map<string, number>();
  /**
   * One string per tag name, so a deep stack holds no copies. Bounded, so
   * a million made-up tag names do not make a million entries.
   */
  private readonly names = new Map<string, string>();
  /** Open `<svg>`/`<math>` elements, where `/>` closes an element. */
  private foreign = 0;

  // The start tag being read.
  private tagName = '';
  private tagStart = -1;
  private attribs: Attributes = {};
  private attribName = '';
  private attribValue = '';
  /** Whether the attribute being read is one the handler wants. */
  private keepAttrib = false;

  /** Where the open raw-text element (`<script>`…) started, for the unclosed warning. */
  private rawTextStart = -1;
  /** The end of the input read so far by some event. */
  private covered = 0;

  constructor(
    private readonly html: string,
    private readonly handler: HtmlHandler,
    private readonly attributes: ReadonlySet<string>,
  ) {}

  isInForeignContext(): boolean {
    return this.foreign > 0;
  }

  ontext(start: number, end: number): void {
    this.covered = end;
    this.handler.onText(this.html.slice(start, end), start);
  }

  ontextentity(codePoint: number, end: number): void {
    this.covered = end;
    this.handler.onText(String.fromCodePoint(codePoint), end - 1);
  }

  onopentagname(start: number, end: number): void {
    const name = this.intern(this.html.slice(start, end).toLowerCase());
    this.tagName = name === 'image' ? 'img' : name;
    this.tagStart = start - 1;
    this.attribs = {};
  }

  onattribname(start: number, end: number): void {
    this.attribName = this.html.slice(start, end).toLowerCase();
    this.keepAttrib = this.attributes.has(this.attribName);
  }

  onattribdata(start: number, end: number): void {
    if (this.keepAttrib) this.attribValue += this.html.slice(start, end);
  }

  onattribentity(codePoint: number): void {
    if (this.keepAttrib) this.attribValue += String.fromCodePoint(codePoint);
  }

  onattribend(): void {
    // The first of duplicate attributes wins, as in browsers. Only wanted
    // names are stored, so `__proto__` and the like never become keys.
    if (this.keepAttrib && !Object.hasOwn(this.attribs, this.attribName)) this.attribs[this.attribName] = this.attribValue;
    this.attribValue = '';
  }

  onopentagend(end: number): void {
    this.covered = end + 1;
    this.startElement(false);
  }

  /** `<x/>`: HTML ignores the slash except on void and foreign elements. */
  onselfclosingtag(end: number): void {
    this.covered = end + 1;
    this.startElement(this.foreign > 0);
  }

  onclosetag(start: number, end: number): void {
    this.covered = end + 1;
    const name = this.html.slice(start, end).toLowerCase();
    if (VOID_ELEMENTS.has(name)) {
      // `</br>` is a line break; other void end tags mean nothing.
      if (name === 'br') this.emptyElement('br', start - 2);
    } else if ((this.open.get(name) ?? 0) > 0) {
      while (this.pop() !== name);
    } else if (name === 'p') {
      // A stray `</p>` is an empty paragraph.
      this.emptyElement('p', start - 2);
    }
  }

  oncomment(start: number, end: number): void {
    this.covered = end + 1;
    if (end >= this.html.length) this.handler.onUnclosed('a comment is never closed', this.html.lastIndexOf('<', start));
  }

  oncdata(start: number, end: number): void {
    this.oncomment(start, end);
  }

  ondeclaration(_start: number, end: number): void {
    this.covered = end + 1;
  }

  onprocessinginstruction(_start: number, end: number): void {
    this.covered = end + 1;
  }

  onend(): void {
    const tail = this.html.slice(this.covered);
    if (this.rawTextStart !== -1) {
      const name = this.stack[this.stack.length - 1]!;
      this.handler.onUnclosed(`<${name}> is never closed: everything after it is its content`, this.rawTextStart);
    } else if (tail.trim() !== '') {
      this.handler.onUnclosed('the input ends inside a tag', this.covered);
    }
    while (this.stack.length > 0) this.pop();
  }

  private startElement(selfClosing: boolean): void {
    const name = this.tagName;
    const closes = IMPLIED_CLOSE.get(name);
    if (closes !== undefined) {
      while (this.stack.length > 0 && closes.has(this.stack[this.stack.length - 1]!)) this.pop();
    }
    this.handler.onOpen(name, this.attribs, this.tagStart);
    if (VOID_ELEMENTS.has(name) || selfClosing) {
      this.handler.onClose();
      return;
    }
    this.stack.push(name);
    this.open.set(name, (this.open.get(name) ?? 0) + 1);
    if (name === 'svg' || name === 'math') this.foreign++;
    if (RAW_TEXT_ELEMENTS.has(name) && this.foreign === 0) this.rawTextStart = this.tagStart;
  }

  private intern(name: string): string {
    const known = this.names.get(name);
    if (known !== undefined) return known;
    if (this.names.size < MAX_INTERNED) this.names.set(name, name);
    return name;
  }

  private emptyElement(name: string, index: number): void {
    this.handler.onOpen(name, {}, index);
    this.handler.onClose();
  }

  private pop(): string {
    const name = this.stack.pop()!;
    const count = this.open.get(name)! - 1;
    // Names with nothing open leave the map, which stays as small as the stack.
    if (count === 0) this.open.delete(name);
    else this.open.set(name, count);
    if (name === 'svg' || name === 'math') this.foreign--;
    this.rawTextStart = -1;
    this.handler.onClose();
    return name;
  }
}
