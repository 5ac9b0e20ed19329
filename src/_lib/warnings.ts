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

export function createWarnings(strict: boolean): Warnings {
  const list: Warning[] = [];
  return {
    list,
    add(code, message, position) {
      if (strict) throw new PostParseError(code, message, position);
      list.push({ code, message, line: position?.line ?? null, column: position?.column ?? null });
    },
  };
}
