/**
 * Invariants every parse result must satisfy, whatever the input. Shared by
 * the unit tests, the property tests and the corpus check
 * (`npm run corpus -- <dir>`).
 */

import { deepStrictEqual } from 'node:assert/strict';
import { PostParseError, type Body, type Entity, type NewsList, type Post, type Warning } from 'emnews';

/** Runs a parse, letting only PostParseError through as `null`; anything else is thrown (a bug). */
export function attempt<T>(parse: () => T): T | null {
  try {
    return parse();
  } catch (error) {
    if (error instanceof PostParseError) return null;
    throw error;
  }
}

/** The output bound of docs/security.md: characters of JSON per input character, and a constant. */
export const OUTPUT_FACTOR = 20;
export const OUTPUT_CONSTANT = 2048;

/** Returns a description of each broken invariant; empty when all hold. With `input`, checks the output bound too. */
export function invariantProblems(result: Post | Body, input?: string): string[] {
  const problems: string[] = [];
  if (input !== undefined) problems.push(...outputProblems(result, input));
  try {
    deepStrictEqual(JSON.parse(JSON.stringify(result)), result);
  } catch {
    problems.push('JSON round trip is lossy');
  }
  const firstLabel = new Map<number, string>();
  result.paragraphs.forEach((paragraph, p) => {
    const { text } = paragraph;
    if (text.trim() === '') problems.push(`paragraph ${p} is empty`);
    let previousEnd = 0;
    for (const m of paragraph.mentions) {
      const where = `paragraph ${p} mention ${m.start}-${m.end}`;
      if (!(m.start >= previousEnd && m.start < m.end && m.end <= text.length)) problems.push(`${where} is out of order or outside the text`);
      previousEnd = m.end;
      const entity = result.entities[m.entityIndex];
      if (entity === undefined) {
        problems.push(`${where} points at missing entity ${m.entityIndex}`);
        continue;
      }
      const slice = text.slice(m.start, m.end);
      if (slice.trim() !== slice || slice === '') problems.push(`${where} slice ${JSON.stringify(slice)} is not a clean label`);
      if (!firstLabel.has(m.entityIndex)) firstLabel.set(m.entityIndex, slice);
    }
    if (paragraph.kind === 'table' && paragraph.rows.map((row) => row.join('\t')).join('\n') !== text) {
      problems.push(`table ${p} rows do not join to its text`);
    }
  });
  result.entities.forEach((entity, e) => {
    if (entity.code.trim() === '') problems.push(`entity ${e} has an empty code`);
    const label = firstLabel.get(e);
    if (label !== undefined && entity.label !== label) problems.push(`entity ${e} label ${entity.label} is not its first mention ${label}`);
    const counted = result.paragraphs.reduce((n, p) => n + p.mentions.filter((m) => m.entityIndex === e).length, 0);
    if (counted !== entity.mentionCount) problems.push(`entity ${e} counts ${entity.mentionCount} mentions, found ${counted}`);
    problems.push(...entityProblems(entity, e, result.warnings));
  });
  for (const warning of result.warnings) {
    if ((warning.line === null) !== (warning.column === null)) problems.push(`warning ${warning.code} has a line without a column or the reverse`);
  }
  for (const image of result.images) {
    if (image.position > result.paragraphs.length) problems.push(`image ${image.src} position is past the last paragraph`);
  }
  problems.push(...unsafeStrings(result), ...unsafeUrls(result));
  return problems;
}

/** JSON without the warnings ≤ 20 × input + 2 KiB; at most 101 warnings of a code, each under 400 characters. */
function outputProblems(result: Post | Body, input: string): string[] {
  const problems: string[] = [];
  const size = JSON.stringify({ ...result, warnings: [] }).length;
  if (size > OUTPUT_FACTOR * input.length + OUTPUT_CONSTANT) problems.push(`${size} characters of JSON for ${input.length} of input`);
  const counts = new Map<string, number>();
  for (const warning of result.warnings) {
    counts.set(warning.code, (counts.get(warning.code) ?? 0) + 1);
    if (warning.message.length > 400) problems.push(`a ${warning.code} warning of ${warning.message.length} characters`);
  }
  for (const [code, count] of counts) if (count > 101) problems.push(`${count} ${code} warnings`);
  return problems;
}

function entityProblems(entity: Entity, e: number, warnings: Warning[]): string[] {
  const problems: string[] = [];
  const expectedSecid = entity.market === null ? null : entity.kind === 'keyword' ? entity.secid : `${entity.market}.${entity.code}`;
  if (entity.secid !== expectedSecid) problems.push(`entity ${e} (${entity.kind}) secid ${entity.secid} does not match its market and code`);
  if ((entity.kind === 'stock' || entity.kind === 'board') && !Number.isInteger(entity.market)) problems.push(`entity ${e} is a ${entity.kind} without a market`);
  if (entity.kind === 'unresolved' && !warnings.some((w) => w.code === 'unknown-market')) problems.push(`entity ${e} is unresolved but no unknown-market warning says so`);
  return problems;
}

/** The same for a `parseNewsList` result: items carry no text to mention entities in (label '', mentionCount 0). */
export function listInvariantProblems(list: NewsList): string[] {
  const problems: string[] = [];
  try {
    deepStrictEqual(JSON.parse(JSON.stringify(list)), list);
  } catch {
    problems.push('JSON round trip is lossy');
  }
  list.items.forEach((item, i) => {
    item.entities.forEach((entity, e) => {
      if (entity.label !== '' || entity.mentionCount !== 0) problems.push(`item ${i} entity ${e} has a label or mentions without text`);
      problems.push(...entityProblems(entity, e, list.warnings).map((problem) => `item ${i}: ${problem}`));
    });
  });
  for (const warning of list.warnings) if (warning.line !== null || warning.column !== null) problems.push(`warning ${warning.code} has a position in no text`);
  problems.push(...unsafeStrings(list), ...urlProblems(list.items.flatMap((item) => [item.url?.href, ...item.entities.map((e) => e.url)])));
  return problems;
}

// C0 controls other than \t and \n, DEL, C1 controls, lone surrogates.
const UNSAFE_TEXT = /[\0-\x08\x0B-\x1F\x7F-\x9F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Every string in the output, keys included, is safe to store and display. */
function unsafeStrings(result: unknown): string[] {
  const problems: string[] = [];
  const pending: unknown[] = [result];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'string') {
      if (UNSAFE_TEXT.test(value)) problems.push(`unsafe characters in ${JSON.stringify(value.slice(0, 80))}`);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (UNSAFE_TEXT.test(key)) problems.push(`unsafe characters in the key ${JSON.stringify(key.slice(0, 80))}`);
        pending.push(item);
      }
    }
  }
  return problems;
}

/** Every address in the output is absolute http(s), as the URL parser writes it. */
function unsafeUrls(result: Post | Body): string[] {
  const post = result as Partial<Post>;
  return urlProblems([
    post.url?.href,
    ...result.images.flatMap((image) => [image.src, image.originalSrc]),
    ...result.links.map((link) => link.href),
    ...result.entities.map((entity) => entity.url),
  ]);
}

function urlProblems(urls: (string | null | undefined)[]): string[] {
  const problems: string[] = [];
  for (const url of urls) {
    if (url === null || url === undefined) continue;
    let parsed: URL | null = null;
    try {
      parsed = new URL(url);
    } catch {
      // reported below
    }
    if (parsed === null || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || parsed.href !== url) {
      problems.push(`address ${JSON.stringify(url.slice(0, 80))} is not an absolute http(s) URL`);
    }
  }
  return problems;
}
