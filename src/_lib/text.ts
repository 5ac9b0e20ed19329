/**
 * What may appear in output text. Every string emnews outputs as text passes
 * through {@link cleanText}; {@link countInvisible} finds what is kept but
 * worth a warning.
 */

/** A quick test: could `cleanText` change this string? (Also true for valid surrogate pairs.) */
const SUSPECT = /[\0-\x08\x0B-\x1F\x7F-\x9F\uD800-\uDFFF]/;
/** C0 controls except `\t` and `\n`, DEL, C1 controls. */
const CONTROLS = /[\0-\x08\x0B-\x1F\x7F-\x9F]+/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/**
 * Bidirectional embedding, override and isolate controls (U+202A-202E,
 * U+2066-2069, the "Trojan Source" characters) and zero-width characters
 * (U+200B-200D, U+2060, U+FEFF).
 */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u202A-\u202E\u2066-\u2069]/g;

/**
 * Removes control characters other than `\t` and `\n`, and replaces lone
 * surrogates with U+FFFD, so the result is well-formed text that is safe to
 * store and display. Returns `text` itself when there is nothing to change.
 */
export function cleanText(text: string): string {
  if (!SUSPECT.test(text)) return text;
  return text.replace(CONTROLS, '').replace(LONE_SURROGATE, '\uFFFD');
}

/** How many bidirectional-control and zero-width characters `text` holds. */
export function countInvisible(text: string): number {
  INVISIBLE.lastIndex = 0;
  let count = 0;
  while (INVISIBLE.test(text)) count++;
  return count;
}

const MAX_QUOTED = 80;

/** Text for a warning message: cleaned, cut to a readable length, in quotes. */
export function quoted(text: string): string {
  const clean = cleanText(text);
  return JSON.stringify(clean.length > MAX_QUOTED ? `${clean.slice(0, MAX_QUOTED)}…` : clean);
}
