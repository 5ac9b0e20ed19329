/**
 * Names and text made safe for a terminal: control characters, and the
 * invisible characters that reorder or hide text, written as escapes, so a
 * file name cannot move the cursor, change colours or forge a line.
 *
 * @module
 */

/** C0 and C1 controls, DEL, backslash, line and paragraph separators, zero-width and bidirectional controls. */
const UNSAFE = /[\0-\x1f\x7f-\x9f\\\u2028\u2029\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\\': '\\\\' };

function escape(char: string): string {
  const code = char.charCodeAt(0);
  return NAMED[char] ?? (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
}

/** `text` with every unsafe character escaped (`\x1b`, `\n`, `\u202e`, `\\`). */
export function printable(text: string): string {
  return text.replace(UNSAFE, escape);
}

/** Like {@link printable}, but keeps line breaks, tabs and backslashes: for paragraphs printed as text. */
export function printableLines(text: string): string {
  return text.replace(UNSAFE, (char) => (char === '\n' || char === '\t' || char === '\\' ? char : escape(char)));
}
