/**
 * Glossary links (`baike.eastmoney.com/item/<term>`) whose term is empty,
 * blank or cleans to nothing once decoded: `%00` and other controls,
 * `%20`, tabs, line breaks, no-break and zero-width spaces, broken escapes,
 * mixed with real terms, inside random paragraphs. The invariants (no
 * entity with an empty code, mentions inside their text…) must hold.
 */

import fc from 'fast-check';
import { parseBody, parsePost, PostParseError } from 'emnews';
import { invariantProblems } from '../invariants.ts';
import type { Property } from '../properties.ts';

const TERM_PIECES = ['', '%00', '%01', '%1F', '%7F', '%20', '%09', '%0A', '%0D', ' ', '\t', '%C2%A0', '%E2%80%8B', '%EF%BB%BF', '%', '%Z', '%E8', '%E8%AF%8D', '词', 'A', '&#32;', '&nbsp;'];
const term = fc.array(fc.constantFrom(...TERM_PIECES), { maxLength: 4 }).map((parts) => parts.join(''));
const link = fc
  .tuple(fc.constantFrom('https', 'http', 'HTTPS'), term, fc.constantFrom('', '?a=1', '#x', '/'), fc.constantFrom('甲', '', ' ', '<b>乙</b>'))
  .map(([scheme, code, tail, text]) => `<a href="${scheme}://baike.eastmoney.com/item/${code}${tail}">${text}</a>`);

export const glossaryBody: fc.Arbitrary<string> = fc
  .array(fc.oneof(link, fc.constantFrom('<p>', '</p>', '丙', '\n\n', '<span>', '</span>')), { maxLength: 12 })
  .map((parts) => parts.join(''));

function check(result: () => Parameters<typeof invariantProblems>[0], input: string): void {
  let value;
  try {
    value = result();
  } catch (error) {
    if (error instanceof PostParseError) return;
    throw error;
  }
  const problems = invariantProblems(value, input);
  if (problems.length > 0) throw new Error(`broken invariants:\n${problems.join('\n')}`);
}

export const GLOSSARY_PROPERTIES: readonly Property[] = [
  {
    name: 'glossary links with empty, blank or control-character terms: every invariant holds (no entity with an empty code)',
    property: fc.property(glossaryBody, (body) => {
      check(() => parseBody(body), body);
      const post = `---\ntitle: 甲\n---\n${body}`;
      check(() => parsePost(post), post);
    }) as unknown as Property['property'],
  },
];
