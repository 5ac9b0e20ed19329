/**
 * Inline styles that hide (or do not hide) an element, written in the many
 * spellings CSS reads the same way: comments between tokens, escapes
 * (`\6e one` is `none`), any ASCII case, whitespace, `!important`, later
 * declarations overriding earlier ones, invalid declarations being dropped.
 * The expected answer is computed from the canonical declarations, so a
 * reader that sees the spelling instead of the meaning fails.
 */

import fc from 'fast-check';

interface Declaration {
  property: string;
  value: string;
  /** Whether a browser accepts the value (an invalid declaration is dropped). */
  valid: boolean;
  important: boolean;
}

const DECLARATIONS: readonly Omit<Declaration, 'important'>[] = [
  { property: 'display', value: 'none', valid: true },
  { property: 'visibility', value: 'hidden', valid: true },
  { property: 'visibility', value: 'collapse', valid: true },
  { property: 'display', value: 'block', valid: true },
  { property: 'display', value: 'inline-block', valid: true },
  { property: 'display', value: 'inherit', valid: true },
  { property: 'visibility', value: 'visible', valid: true },
  { property: 'color', value: 'red', valid: true },
  { property: 'overflow', value: 'hidden', valid: true },
  { property: 'text-align', value: 'center', valid: true },
  { property: 'display', value: 'nonex', valid: false },
  { property: 'display', value: 'none none', valid: false },
  { property: 'display', value: '5', valid: false },
  { property: 'visibility', value: 'hiddenx', valid: false },
];

const HEX = /[0-9a-f]/i;

/** One identifier character, maybe escaped: `\64 `, `\000064`, or `\s` for a non-hex character. */
const identChar = (char: string): fc.Arbitrary<string> =>
  fc.constantFrom('plain', 'upper', 'hex', 'hex6', 'escape').map((how) => {
    const hex = char.codePointAt(0)!.toString(16);
    if (how === 'upper') return char.toUpperCase();
    if (how === 'hex') return `\\${hex} `;
    if (how === 'hex6') return `\\${hex.padStart(6, '0')}`;
    if (how === 'escape' && !HEX.test(char)) return `\\${char}`;
    return char;
  });

const ident = (word: string): fc.Arbitrary<string> =>
  fc.tuple(...[...word].map(identChar)).map((chars) => chars.join(''));

/** Whitespace and comments between tokens. */
const gap = fc.constantFrom('', '', ' ', '\t', '\n ', '/**/', ' /* x; y */ ', '/*:*/');

const words = (value: string): fc.Arbitrary<string> =>
  fc.tuple(...value.split(' ').map((word) => fc.tuple(ident(word), gap))).map((parts) => parts.map(([w, g], i) => (i > 0 ? ` ${g}` : '') + w).join(''));

const written = (d: Declaration): fc.Arbitrary<string> =>
  fc
    .tuple(gap, ident(d.property), gap, gap, words(d.value), gap, fc.constantFrom('!important', '! important', '!/**/IMPORTANT', '!Important'))
    .map(([a, property, b, c, value, e, bang]) => `${a}${property}${b}:${c}${value}${d.important ? `${e}${bang}` : ''}`);

/** A style attribute, and whether it hides the element. */
export const hidingStyle: fc.Arbitrary<{ style: string; hidden: boolean }> = fc
  .array(fc.tuple(fc.constantFrom(...DECLARATIONS), fc.boolean()), { minLength: 1, maxLength: 4 })
  .chain((picked) => {
    const declarations = picked.map(([d, important]) => ({ ...d, important }));
    return fc
      .tuple(...declarations.map(written), fc.constantFrom(';', ';;', '; ', ''))
      .map((parts) => ({ style: parts.slice(0, -1).join(';') + parts[parts.length - 1], hidden: isHidden(declarations) }));
  });

/** The cascade of one element's declarations: valid ones only, `!important` first, then the last. */
function isHidden(declarations: Declaration[]): boolean {
  const winner = (property: string): string | undefined => {
    const valid = declarations.filter((d) => d.valid && d.property === property);
    const important = valid.filter((d) => d.important);
    return (important.length > 0 ? important : valid).at(-1)?.value;
  };
  const visibility = winner('visibility');
  return winner('display') === 'none' || visibility === 'hidden' || visibility === 'collapse';
}
