import { walkBody } from './_lib/body/walker.js';
import { readInput } from './_lib/input.js';
import { checkBaseUrl, checkBoolean, checkEncoding, checkMaxInputBytes, checkOptions } from './_lib/options.js';
import { createWarnings } from './_lib/warnings.js';
import type { Body } from './types.js';

/**
 * Options of {@link parseBody}.
 *
 * Each option is read once, by property access. An error that a getter or a
 * Proxy trap of your options object throws reaches you unchanged (it is not
 * wrapped in a {@link PostParseError}).
 *
 * @example
 * ```ts
 * const options: BodyOptions = { strict: true, maxInputBytes: 1024 * 1024, baseUrl: 'https://finance.eastmoney.com/' };
 * const olderPage: BodyOptions = { encoding: 'gbk' }; // for the bytes of a GBK page
 * ```
 */
export interface BodyOptions {
  /**
   * Throw the first warning as a {@link PostParseError} instead of recovering.
   * @default false
   */
  strict?: boolean;
  /**
   * Refuse text longer than this many bytes in UTF-8, not counting a leading
   * byte order mark: the same limit for the same text, whether it comes as a
   * string, UTF-8 bytes, UTF-16 bytes or GBK bytes. Checked before parsing;
   * bytes in another encoding are decoded a chunk at a time and refused as
   * soon as the text passes the limit.
   * @default 10485760 (10 MiB)
   */
  maxInputBytes?: number;
  /**
   * How bytes are decoded: any label `TextDecoder` knows, such as `'utf-8'`,
   * `'gbk'` or `'gb18030'` (older eastmoney pages) or `'utf-16le'`. A byte
   * order mark at the start wins over this option (UTF-8, UTF-16LE,
   * UTF-16BE), as in browsers; without one, bytes are never guessed at.
   * Strings are text already and ignore it. An unknown label throws
   * `invalid-option`; a label of the Encoding Standard whose decoder the
   * runtime lacks (GBK in a Node.js built without full ICU) throws
   * `unsupported-encoding`; bytes that are not valid in the encoding throw
   * `invalid-utf8` (UTF-8) or `invalid-bytes` (any other), with the line and
   * column of the first bad byte.
   * @default 'utf-8'
   */
  encoding?: string;
  /**
   * The absolute `http`/`https` address relative links resolve against
   * (`../a.html`, `/b/`). Without it, relative links and images are dropped
   * with a `relative-url` warning: output addresses are always absolute.
   * @default undefined
   */
  baseUrl?: string;
}

/** The option names {@link parseBody} accepts. */
export const BODY_OPTION_NAMES: readonly string[] = ['strict', 'maxInputBytes', 'baseUrl', 'encoding'];

/**
 * Parses eastmoney article HTML alone (no front matter): paragraphs,
 * entities, images, links and the source attribution.
 *
 * @param html - The article body HTML: a string, or its bytes (UTF-8 unless
 *   `options.encoding` or a byte order mark says otherwise).
 * @param options - See {@link BodyOptions}.
 * @returns The body's content as plain JSON data.
 * @throws {@link PostParseError} when `html` is not a string or a
 *   `Uint8Array`, is not valid in its encoding, is too large, for invalid
 *   options, or (with `strict`) on the first warning.
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
 *
 * // Bytes work too; an older page in GBK says so with `encoding`.
 * const gbk = new Uint8Array([0x3c, 0x70, 0x3e, 0xd6, 0xd0, 0xce, 0xc4, 0x3c, 0x2f, 0x70, 0x3e]); // <p>中文</p>
 * parseBody(gbk, { encoding: 'gbk' }).paragraphs[0]?.text; // '中文'
 * ```
 */
export function parseBody(html: string | Uint8Array, options?: BodyOptions): Body {
  const checked = checkOptions(options, BODY_OPTION_NAMES);
  const strict = checkBoolean('strict', checked.strict);
  const maxInputBytes = checkMaxInputBytes(checked.maxInputBytes);
  const baseUrl = checkBaseUrl(checked.baseUrl);
  const encoding = checkEncoding(checked.encoding);
  return walkBody(readInput(html, maxInputBytes, encoding), createWarnings(strict), { line: 0, baseUrl });
}
