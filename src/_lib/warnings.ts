import { PostParseError, type WarningCode } from '../errors.js';
import type { Warning } from '../types.js';

/** A 1-based position in the input. */
export interface Position {
  line: number;
  column: number;
}

/** Collects warnings, or throws the first one in strict mode. */
export interface Warnings {
  readonly list: Warning[];
  add(code: WarningCode, message: string, position?: Position): void;
}

/**
 * How many warnings of one code are listed; the rest are counted in one
 * last warning of that code, so the output stays linear in the input with
 * a small factor (a warning is longer than the few bytes that can cause it).
 */
export const MAX_WARNINGS_PER_CODE = 100;

export function createWarnings(strict: boolean): Warnings {
  const list: Warning[] = [];
  const counts = new Map<WarningCode, { count: number; summary: Warning | null }>();
  return {
    list,
    add(code, message, position) {
      if (strict) throw new PostParseError(code, message, position);
      const seen = counts.get(code) ?? { count: 0, summary: null };
      counts.set(code, seen);
      if (++seen.count > MAX_WARNINGS_PER_CODE) {
        const more = seen.count - MAX_WARNINGS_PER_CODE;
        if (seen.summary === null) list.push((seen.summary = { code, message: '', line: null, column: null }));
        seen.summary.message = `${more} more ${code} warning${more === 1 ? '' : 's'} left out`;
        return;
      }
      list.push({ code, message, line: position?.line ?? null, column: position?.column ?? null });
    },
  };
}
