/**
 * The public types narrow the way a user's code needs: checked by the
 * type-checker (`npm test` runs `tsc --noEmit` over test/ before the tests),
 * and at run time on real output.
 */

import { deepStrictEqual } from 'node:assert/strict';
import { it } from 'node:test';
import { parseBody, type Entity, type Warning } from 'emnews';

/** A user's function: needs a `string` secid from every stock, with no `!`. */
function stockSecids(entities: Entity[]): string[] {
  const out: string[] = [];
  for (const entity of entities) {
    // @ts-expect-error: before narrowing, secid may be null.
    const unnarrowed: string = entity.secid;
    void unnarrowed;
    if (entity.kind === 'stock') {
      const secid: string = entity.secid;
      const market: number = entity.market;
      out.push(`${secid}@${market}`);
    } else if (entity.kind === 'unresolved') {
      const none: null = entity.secid;
      void none;
    }
  }
  return out;
}

/** Absent positions are `null`, never missing: both fields are always there. */
function where(warning: Warning): string {
  const line: number | null = warning.line;
  // @ts-expect-error: column is never undefined.
  const undefinedColumn: undefined = warning.column;
  void undefinedColumn;
  return line === null ? 'anywhere' : `${line}:${warning.column}`;
}

it('narrowing by kind gives stocks a string secid, unresolved ones none', () => {
  const body = parseBody(
    '<p><a class="keytip" data-code="0,000001">甲</a><a class="keytip" data-code="000002">乙</a></p>',
  );
  deepStrictEqual(body.entities.map((e) => e.kind), ['stock', 'unresolved']);
  deepStrictEqual(stockSecids(body.entities), ['0.000001@0']);
  deepStrictEqual(body.warnings.map(where), ['1:48']);
});
