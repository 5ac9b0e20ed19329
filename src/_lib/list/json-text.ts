/**
 * A list response's text to its JSON value, without evaluating anything:
 * one linear scan finds the JSON inside the wrapper (`var ajaxResult=…`,
 * `jQuery123_456(…)`) and checks its grammar, so malformed input fails with
 * a position on every runtime; then `JSON.parse` reads the checked slice.
 */

import { PostParseError } from '../../errors.js';
import { quoted } from '../text.js';

/** Deeper than this is not a list response (they nest five levels); it also keeps every runtime's `JSON.parse` safe. */
const MAX_DEPTH = 1000;
const IDENTIFIER = /[A-Za-z_$][\w$.]*/y;
const LITERALS: readonly string[] = ['true', 'false', 'null'];

/** The JSON value of a list response: bare JSON, `var name = JSON;`, or JSONP `callback(JSON);`. */
export function readJsonResponse(text: string): unknown {
  let at = skipSpace(text, 0);
  let close: string | null = null;
  if (text[at] !== '{' && text[at] !== '[') {
    const name = identifier(text, at);
    if (name === null) fail(text, at, 'expected JSON, `var name = …` or `callback(…)`');
    at = skipSpace(text, at + name.length);
    if (name === 'var' || name === 'let' || name === 'const') {
      const variable = identifier(text, at);
      if (variable === null) fail(text, at, `expected a variable name after ${name}`);
      at = expect(text, skipSpace(text, at + variable.length), '=');
    } else {
      at = expect(text, at, '(');
      close = ')';
    }
    at = skipSpace(text, at);
  }
  const start = at;
  const end = scanValue(text, start);
  at = skipSpace(text, end);
  if (close !== null) at = skipSpace(text, expect(text, at, close));
  if (text[at] === ';') at = skipSpace(text, at + 1);
  if (at < text.length) fail(text, at, 'unexpected text after the JSON value');
  return JSON.parse(text.slice(start, end));
}

function identifier(text: string, at: number): string | null {
  IDENTIFIER.lastIndex = at;
  return IDENTIFIER.exec(text)?.[0] ?? null;
}

function expect(text: string, at: number, char: string): number {
  if (text[at] !== char) fail(text, at, `expected ${quoted(char)}`);
  return at + 1;
}

function skipSpace(text: string, at: number): number {
  let i = at;
  for (let c = text.charCodeAt(i); c === 32 || c === 9 || c === 10 || c === 13; c = text.charCodeAt(++i));
  return i;
}

/**
 * Checks one JSON value (RFC 8259) starting at `at` and returns where it
 * ends. An explicit stack, no recursion: linear in the text.
 */
function scanValue(text: string, from: number): number {
  const stack: string[] = [];
  let at = from;
  for (;;) {
    at = skipSpace(text, at);
    const c = text[at];
    if (c === '{' || c === '[') {
      if (stack.length >= MAX_DEPTH) fail(text, at, `nested deeper than ${MAX_DEPTH} levels`);
      stack.push(c === '{' ? '}' : ']');
      at = skipSpace(text, at + 1);
      if (text[at] === stack[stack.length - 1]) {
        stack.pop();
        at++;
      } else if (c === '{') {
        at = member(text, at);
        continue;
      } else continue;
    } else if (c === '"') at = scanString(text, at);
    else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) at = scanNumber(text, at);
    else {
      const literal = LITERALS.find((word) => text.startsWith(word, at));
      if (literal === undefined) fail(text, at, c === undefined ? 'the JSON ends early' : 'expected a JSON value');
      at += literal.length;
    }
    // After a value: `,` and the next, or the end of its container.
    for (;;) {
      if (stack.length === 0) return at;
      at = skipSpace(text, at);
      const closer = stack[stack.length - 1]!;
      if (text[at] === closer) {
        stack.pop();
        at++;
      } else if (text[at] === ',') {
        at = skipSpace(text, at + 1);
        if (closer === '}') at = member(text, at);
        break;
      } else fail(text, at, text[at] === undefined ? 'the JSON ends early' : `expected ',' or ${quoted(closer)}`);
    }
  }
}

/** `"key" :` of an object member; returns where its value starts. */
function member(text: string, at: number): number {
  if (text[at] !== '"') fail(text, at, 'expected a property name in double quotes');
  return expect(text, skipSpace(text, scanString(text, at)), ':');
}

function scanString(text: string, from: number): number {
  let at = from + 1;
  for (;;) {
    const c = text.charCodeAt(at);
    if (Number.isNaN(c)) fail(text, from, 'a string is never closed');
    if (c === 34) return at + 1;
    if (c < 32) fail(text, at, 'a control character inside a string');
    if (c === 92) {
      const next = text[at + 1];
      if (next === 'u') {
        if (!/^[0-9A-Fa-f]{4}$/.test(text.slice(at + 2, at + 6))) fail(text, at, 'a malformed \\u escape');
        at += 6;
        continue;
      }
      if (next === undefined || !'"\\/bfnrt'.includes(next)) fail(text, at, 'a malformed escape');
      at += 2;
      continue;
    }
    at++;
  }
}

function scanNumber(text: string, from: number): number {
  let at = from;
  const digits = (): number => {
    const start = at;
    while (text.charCodeAt(at) >= 48 && text.charCodeAt(at) <= 57) at++;
    return at - start;
  };
  if (text[at] === '-') at++;
  if (text[at] === '0') at++;
  else if (digits() === 0) fail(text, at, 'a malformed number');
  if (text[at] === '.') {
    at++;
    if (digits() === 0) fail(text, at, 'a malformed number');
  }
  if (text[at] === 'e' || text[at] === 'E') {
    at++;
    if (text[at] === '+' || text[at] === '-') at++;
    if (digits() === 0) fail(text, at, 'a malformed number');
  }
  return at;
}

/** Throws `invalid-json` at the 1-based line and column (UTF-16 code units) of `at`. */
function fail(text: string, at: number, what: string): never {
  const index = Math.min(at, text.length);
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  throw new PostParseError('invalid-json', `the list response is not valid JSON or JSONP: ${what}`, { line, column: index - lineStart + 1 });
}
