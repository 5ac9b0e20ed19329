/**
 * Reads an inline `style` attribute the way CSS does, for the few
 * properties emnews acts on (`display`, `visibility`, `text-align`): one
 * linear pass over the declarations, with comments, escapes, strings,
 * blocks, ASCII case and `!important` as the CSS Syntax spec reads them. A
 * regular expression would see `display:/**\/none` or `display:\6e one` as
 * something else than the `none` a browser sees.
 */

/** A token of a declaration: an identifier (escapes decoded, lower case), or a marker. */
const BANG = '\0!';
const COLON = '\0:';
const OTHER = '\0?';

const HEX = /^[0-9A-Fa-f]$/;
// Only ASCII letters fold (CSS is ASCII case-insensitive); most names have none upper case.
const ASCII_UPPER = /[A-Z]/;
const ASCII_UPPERS = /[A-Z]+/g;

/**
 * The value each wanted property gets from `style`: its keywords, lower
 * case, joined by one space, or nothing when no valid declaration sets it.
 * `isValid(property, value)` says which values a browser accepts; an
 * invalid declaration is dropped, as in CSS. A later declaration wins, and
 * an `!important` one wins over any without.
 */
export function readDeclarations(
  style: string,
  isValid: (property: string, value: string) => boolean,
): Map<string, string> {
  const found = new Map<string, string>();
  const important = new Set<string>();
  for (const tokens of declarations(style)) {
    const colon = tokens.indexOf(COLON);
    if (colon !== 1 || !isIdent(tokens[0]!)) continue;
    const property = tokens[0]!;
    let end = tokens.length;
    const isImportant = end >= 4 && tokens[end - 1] === 'important' && tokens[end - 2] === BANG;
    if (isImportant) end -= 2;
    const words = tokens.slice(2, end);
    if (words.length === 0 || !words.every(isIdent)) continue;
    const value = words.join(' ');
    if (!isValid(property, value) || (important.has(property) && !isImportant)) continue;
    found.set(property, value);
    if (isImportant) important.add(property);
  }
  return found;
}

function isIdent(token: string): boolean {
  return token.charCodeAt(0) !== 0;
}

/**
 * The tokens of each declaration of `style`, split at `;` outside blocks and
 * strings. An array, not a generator: a generator's resumptions cost more
 * than the tokens of a short style.
 */
function declarations(style: string): string[][] {
  const all: string[][] = [];
  let tokens: string[] = [];
  let depth = 0;
  let i = 0;
  while (i < style.length) {
    const c = style.charCodeAt(i);
    if (c === 0x2f /* / */ && style.charCodeAt(i + 1) === 0x2a /* * */) {
      const close = style.indexOf('*/', i + 2);
      i = close === -1 ? style.length : close + 2;
    } else if (isWhitespace(c)) {
      i++;
    } else if (c === 0x3b /* ; */ && depth === 0) {
      all.push(tokens);
      tokens = [];
      i++;
    } else if (c === 0x22 || c === 0x27 /* " ' */) {
      i = skipString(style, i);
      tokens.push(OTHER);
    } else if (c === 0x28 || c === 0x5b || c === 0x7b /* ( [ { */) {
      depth++;
      tokens.push(OTHER);
      i++;
    } else if (c === 0x29 || c === 0x5d || c === 0x7d /* ) ] } */) {
      if (depth > 0) depth--;
      tokens.push(OTHER);
      i++;
    } else if (c === 0x3a /* : */) {
      tokens.push(depth === 0 ? COLON : OTHER);
      i++;
    } else if (c === 0x21 /* ! */) {
      tokens.push(BANG);
      i++;
    } else if (isNameCode(c) || (c === 0x5c /* \ */ && !isNewline(style.charCodeAt(i + 1)) && i + 1 < style.length)) {
      const [ident, next] = readIdent(style, i);
      // A name followed by `(` is a function, not a keyword.
      tokens.push(style.charCodeAt(next) === 0x28 ? OTHER : ident);
      i = next;
    } else {
      tokens.push(OTHER);
      i++;
    }
  }
  all.push(tokens);
  return all;
}

/** An identifier from `start`: name characters and escapes, decoded, ASCII lower case. */
function readIdent(style: string, start: number): [string, number] {
  let out = '';
  let i = start;
  while (i < style.length) {
    const c = style.charCodeAt(i);
    if (isNameCode(c)) {
      let end = i + 1;
      while (end < style.length && isNameCode(style.charCodeAt(end))) end++;
      out += style.slice(i, end);
      i = end;
    } else if (c === 0x5c && i + 1 < style.length && !isNewline(style.charCodeAt(i + 1))) {
      const [char, next] = readEscape(style, i + 1);
      out += char;
      i = next;
    } else {
      break;
    }
  }
  return [ASCII_UPPER.test(out) ? out.replace(ASCII_UPPERS, (upper) => upper.toLowerCase()) : out, i];
}

/** An escape after its `\`: up to six hex digits and one optional whitespace, or any one character. */
function readEscape(style: string, start: number): [string, number] {
  let end = start;
  while (end < style.length && end - start < 6 && HEX.test(style.charAt(end))) end++;
  if (end === start) {
    const point = style.codePointAt(start)!;
    return [String.fromCodePoint(point), start + (point > 0xffff ? 2 : 1)];
  }
  const point = parseInt(style.slice(start, end), 16);
  if (style.charCodeAt(end) === 0x0d && style.charCodeAt(end + 1) === 0x0a) end += 2;
  else if (isWhitespace(style.charCodeAt(end))) end++;
  const valid = point !== 0 && point <= 0x10ffff && (point < 0xd800 || point > 0xdfff);
  return [valid ? String.fromCodePoint(point) : '\uFFFD', end];
}

/** The offset after the string starting at `start` (its quote); a newline or the end also ends it. */
function skipString(style: string, start: number): number {
  const quote = style.charCodeAt(start);
  let i = start + 1;
  while (i < style.length) {
    const c = style.charCodeAt(i);
    if (c === quote) return i + 1;
    if (isNewline(c)) return i;
    i += c === 0x5c ? 2 : 1;
  }
  return style.length;
}

/** CSS name code points: letters, digits, `-`, `_`, and everything from U+0080. */
function isNameCode(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x5f || c >= 0x80;
}

function isNewline(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x0c;
}

function isWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x09 || isNewline(c);
}
