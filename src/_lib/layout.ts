/**
 * Splits a post into its parts by lines: front matter, digest, body,
 * original-URL line, footer navigation. Knows nothing of YAML or HTML.
 */

import type { Warnings } from './warnings.js';

/** A piece of the post and the 0-based line it starts on. */
export interface Piece {
  text: string;
  line: number;
}

/** A footer navigation link as written: `[返回首页](//finews.withounder.com/)`. */
export interface NavigationLink {
  text: string;
  href: string;
  /** 0-based line. */
  line: number;
}

export interface Layout {
  frontMatter: Piece | null;
  digest: Piece | null;
  body: Piece;
  /** The text between `<` and `>` of the original-URL line (`''` for `<>`). */
  url: Piece | null;
  navigation: NavigationLink[];
}

const DELIMITER = /^---[ \t]*$/;
const BODY_DELIMITER = /^---[ \t]*$/gm;
const CLOSING_DELIMITER = /^(?:---|\.\.\.)[ \t]*$/;
// `<http://…>`, `<//host/…>` or `<>`: a URL and nothing else on the line.
const URL_LINE = /^<([A-Za-z][A-Za-z0-9+.-]{0,20}:\/\/[^\s<>]*|\/\/[^\s<>]*|)>[ \t]*$/;
// Both sticky: tried at one offset only, never at every start of the line.
const MARKDOWN_LINK = /\[([^\]\n]*)\]\(([^)\s]*)\)/y;
const NAVIGATION_GAP = /[\s｜|]*/y;
const BLANK = /^[ \t]*$/;

/**
 * Splits `text` (LF line endings, no BOM) into the parts of a post. Works
 * with offsets into `text`, never an array of all its lines, so a post of a
 * million lines costs no more per byte than one of ten.
 */
export function splitPost(text: string, warnings: Warnings): Layout {
  const lines = new LineCursor(text);
  let frontMatter: Piece | null = null;
  if (DELIMITER.test(lines.text())) {
    const first = lines.next();
    while (!lines.done() && !CLOSING_DELIMITER.test(lines.text())) lines.next();
    if (!lines.done()) {
      frontMatter = { text: text.slice(first, Math.max(first, lines.start - 1)), line: 1 };
      lines.next();
    } else {
      warnings.add('unterminated-front-matter', 'the front matter has no closing `---` line; read as body', { line: 1, column: 1 });
      lines.reset(first, 1);
    }
  } else {
    warnings.add('missing-front-matter', 'the post does not start with a `---` front matter block', { line: 1, column: 1 });
  }
  const headEnd = lines.start;

  // The tail, read backwards: blank lines and navigation, then the URL line.
  let end = text.length;
  const navigation: { start: number; links: { text: string; href: string }[] }[] = [];
  let url: { text: string; start: number } | null = null;
  let lineEnd = text.length;
  while (lineEnd >= headEnd) {
    const lineStart = lineEnd === 0 ? 0 : text.lastIndexOf('\n', lineEnd - 1) + 1;
    if (lineStart < headEnd) break;
    const line = text.slice(lineStart, lineEnd);
    if (!BLANK.test(line)) {
      const links = navigationLinks(line);
      if (links === null) {
        const match = URL_LINE.exec(line);
        if (match) {
          url = { text: match[1]!, start: lineStart };
          end = lineStart;
        }
        break;
      }
      navigation.push({ start: lineStart, links });
      end = lineStart;
    }
    if (lineStart === 0) break;
    lineEnd = lineStart - 1;
  }

  while (lines.start < end && BLANK.test(lines.text())) lines.next();
  let digest: Piece | null = null;
  if (lines.start < end && text.charCodeAt(lines.start) === 62 /* > */) {
    const line = lines.line;
    const quoted: string[] = [];
    while (lines.start < end && text.charCodeAt(lines.start) === 62) {
      quoted.push(lines.text().replace(/^> ?/, ''));
      lines.next();
    }
    digest = { text: quoted.join('\n'), line };
  }

  const bodyStart = Math.min(lines.start, end);
  // A tail line's start follows the `\n` that ends the body.
  const bodyEnd = end === text.length ? end : Math.max(bodyStart, end - 1);
  const body = { text: replaceDelimiters(text.slice(bodyStart, bodyEnd), lines.line, warnings), line: lines.line };

  // Line numbers of the tail, counted forward once from the body's start.
  let line = lines.line;
  let counted = bodyStart;
  const lineOf = (offset: number): number => {
    line += count(text, counted, offset);
    counted = offset;
    return line;
  };
  const urlPiece = url === null ? null : { text: url.text, line: lineOf(url.start) };
  const links: NavigationLink[] = [];
  for (const { start, links: found } of navigation.reverse()) {
    const at = lineOf(start);
    // Fields written out: an object spread here cost 40 % of splitPost.
    for (const link of found) links.push({ text: link.text, href: link.href, line: at });
  }
  return { frontMatter, digest, body, url: urlPiece, navigation: links };
}

/** `---` lines inside the body become `<hr>`, each with a warning. */
function replaceDelimiters(body: string, firstLine: number, warnings: Warnings): string {
  let line = firstLine;
  let counted = 0;
  return body.replace(BODY_DELIMITER, (_match: string, offset: number) => {
    line += count(body, counted, offset);
    counted = offset;
    warnings.add('stray-delimiter', 'a `---` line inside the body; read as a paragraph break', { line: line + 1, column: 1 });
    return '<hr>';
  });
}

/** How many `\n` lie in `text` between `from` and `to`. */
function count(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Walks the lines of a text by offsets. */
class LineCursor {
  /** Offset of the current line's first character. */
  start = 0;
  /** 0-based number of the current line. */
  line = 0;
  private end: number;

  constructor(private readonly source: string) {
    this.end = this.lineEnd(0);
  }

  done(): boolean {
    return this.start > this.source.length;
  }

  /** The current line's text. */
  text(): string {
    return this.done() ? '' : this.source.slice(this.start, this.end);
  }

  /** Moves to the next line and returns its start. */
  next(): number {
    this.start = this.end + 1;
    this.line++;
    this.end = this.lineEnd(this.start);
    return this.start;
  }

  reset(start: number, line: number): void {
    this.start = start;
    this.line = line;
    this.end = this.lineEnd(start);
  }

  private lineEnd(from: number): number {
    const at = this.source.indexOf('\n', from);
    return at === -1 ? this.source.length : at;
  }
}

/**
 * The links of a navigation line, or `null` when the line is anything else:
 * `[text](href)` links separated by whitespace, `｜` or `|`. Read left to
 * right, each link where the last one ended, so a line of a million `[` is
 * one pass (a search for links anywhere would rescan the rest of the line
 * from every `[`).
 */
function navigationLinks(line: string): { text: string; href: string }[] | null {
  if (!line.startsWith('[')) return null;
  const links: { text: string; href: string }[] = [];
  let at = 0;
  for (;;) {
    NAVIGATION_GAP.lastIndex = at;
    NAVIGATION_GAP.test(line);
    at = NAVIGATION_GAP.lastIndex;
    if (at === line.length) return links.length > 0 ? links : null;
    MARKDOWN_LINK.lastIndex = at;
    const link = MARKDOWN_LINK.exec(line);
    if (link === null) return null;
    links.push({ text: link[1]!, href: link[2]! });
    at = MARKDOWN_LINK.lastIndex;
  }
}
