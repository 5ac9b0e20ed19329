import { PostParseError } from './errors.js';
import { walkBody } from './_lib/body/walker.js';
import { readInput, resolveMaxInputBytes } from './_lib/input.js';
import { checkBaseUrl, checkBoolean, checkOptions } from './_lib/options.js';
import { createWarnings } from './_lib/warnings.js';
import type { Body } from './types.js';

/**
 * Options of {@link parseBody}.
 *
 * @example
 * ```ts
 * const options: BodyOptions = { strict: true, maxInputBytes: 1024 * 1024, baseUrl: 'https://finance.eastmoney.com/' };
 * ```
 */
export interface BodyOptions {
  /**
   * Throw the first warning as a {@link PostParseError} instead of recovering.
   * @default false
   */
  strict?: boolean;
  /**
   * Refuse input larger than this many UTF-8 bytes, before any parsing.
   * @default 10485760 (10 MiB)
   */
  maxInputBytes?: number;
  /**
   * The absolute `http`/`https` address relative links resolve against
   * (`../a.html`, `/b/`). Without it, relative links and images are dropped
   * with a `relative-url` warning: output addresses are always absolute.
   * @default undefined
   */
  baseUrl?: string;
}

/** The option names {@link parseBody} accepts. */
export const BODY_OPTION_NAMES: readonly string[] = ['strict', 'maxInputBytes', 'baseUrl'];

/**
 * Parses eastmoney article HTML alone (no front matter): paragraphs,
 * entities, images, links and the source attribution.
 *
 * @param html - The article body HTML.
 * @param options - See {@link BodyOptions}.
 * @returns The body's content as plain JSON data.
 * @throws {@link PostParseError} when `html` is not a string, is too large,
 *   or (with `strict`) on the first warning.
 *
 * @example
 * ```ts
 * import { parseBody } from 'emnews';
 *
 * const body = parseBody(
 *   '<p>布局<span id="bk_90.BK1061"><a href="http://quote.eastmoney.com/unify/r/90.BK1061" ' +
 *     'class="keytip" data-code="90,BK1061">数字经济</a></span>。</p>' +
 *     '<p class="em_media">（文章来源：示例日报）</p>',
 * );
 * body.paragraphs[0];
 * // { kind: 'paragraph', text: '布局数字经济。', mentions: [{ entityIndex: 0, start: 2, end: 6 }] }
 * body.entities[0].secid; // '90.BK1061'
 * body.source; // { name: '示例日报', text: '（文章来源：示例日报）', from: 'body' }
 * ```
 */
export function parseBody(html: string, options?: BodyOptions): Body {
  const checked = checkOptions(options, BODY_OPTION_NAMES);
  const strict = checkBoolean('strict', checked.strict);
  const maxInputBytes = resolveMaxInputBytes(checked.maxInputBytes);
  const baseUrl = checkBaseUrl(checked.baseUrl);
  if (typeof html !== 'string') {
    throw new PostParseError('invalid-input', `parseBody expects a string, got ${html === null ? 'null' : typeof html}`);
  }
  return walkBody(readInput(html, maxInputBytes), createWarnings(strict), { line: 0, baseUrl });
}
