/**
 * The one error class of emnews and the code vocabulary it shares with
 * warnings. Every code is documented in [Errors and warnings](../docs/errors.md).
 *
 * @module
 */

/**
 * Codes for input that is not a post (or page, or list response) at all.
 * These are always thrown.
 *
 * @example
 * ```ts
 * const code: InputErrorCode = 'input-too-large';
 * ```
 */
export type InputErrorCode =
  | 'invalid-input'
  | 'invalid-utf8'
  | 'invalid-bytes'
  | 'input-too-large'
  | 'invalid-option'
  | 'unsupported-encoding'
  | 'invalid-json'
  | 'unknown-list-shape';

/**
 * Codes for what parsing recovered from. They appear in `warnings`, or are
 * thrown as a {@link PostParseError} when `strict` is set.
 *
 * @example
 * ```ts
 * const code: WarningCode = 'recovered-title';
 * ```
 */
export type WarningCode =
  | 'missing-front-matter'
  | 'unterminated-front-matter'
  | 'invalid-front-matter'
  | 'front-matter-too-large'
  | 'front-matter-not-mapping'
  | 'yaml-warning'
  | 'non-json-value'
  | 'recovered-title'
  | 'empty-title'
  | 'missing-date'
  | 'invalid-date'
  | 'missing-url'
  | 'empty-url'
  | 'invalid-url'
  | 'unsafe-url'
  | 'relative-url'
  | 'stray-delimiter'
  | 'invalid-file-name'
  | 'id-mismatch'
  | 'invalid-data-code'
  | 'unknown-market'
  | 'unclosed-markup'
  | 'control-characters'
  | 'invisible-characters'
  | 'no-article-container'
  | 'duplicate-item'
  | 'invalid-list-item';

/**
 * Every code a {@link PostParseError} can carry.
 *
 * @example
 * ```ts
 * function isInputProblem(code: ErrorCode): boolean {
 *   return code === 'invalid-input' || code === 'invalid-utf8' || code === 'input-too-large';
 * }
 * ```
 */
export type ErrorCode = InputErrorCode | WarningCode;

/**
 * Thrown for input that is not a post (wrong type, invalid UTF-8, too large),
 * for invalid options, and for any warning when `strict: true`.
 *
 * @example
 * ```ts
 * import { parsePost, PostParseError } from 'emnews';
 * try {
 *   parsePost(new Uint8Array([0xff]));
 * } catch (error) {
 *   if (error instanceof PostParseError) console.log(error.code); // 'invalid-utf8'
 * }
 * ```
 */
export class PostParseError extends Error {
  /** What went wrong; every code is explained in [Errors and warnings](../docs/errors.md). */
  readonly code: ErrorCode;
  /** 1-based line in the input, or `null` when the error is about no one place. */
  readonly line: number | null;
  /** 1-based column in the input, or `null` with `line`. */
  readonly column: number | null;

  /**
   * @param code - What went wrong.
   * @param message - A sentence for people.
   * @param position - Where in the input, when known.
   */
  constructor(code: ErrorCode, message: string, position?: { line: number; column: number }) {
    super(position ? `${message} (line ${position.line}, column ${position.column})` : message);
    this.name = 'PostParseError';
    this.code = code;
    this.line = position?.line ?? null;
    this.column = position?.column ?? null;
  }
}
