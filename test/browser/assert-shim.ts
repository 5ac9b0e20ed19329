/**
 * `node:assert/strict` for the browser bundle of test/invariants.ts: the
 * one function it uses, `deepStrictEqual`, with Node's strict rules for
 * plain data (`Object.is` for primitives, so `-0` is not `0`; the same
 * prototype; the same own enumerable keys, so `{ a: undefined }` is not
 * `{}`). test/browser.ts checks it against Node's own on a table of pairs.
 */

function equal(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b) || Array.isArray(a) !== Array.isArray(b)) return false;
  if (a instanceof Date) return b instanceof Date && Object.is(a.getTime(), b.getTime()) && keysEqual(a, b);
  return keysEqual(a, b);
}

function keysEqual(a: object, b: object): boolean {
  const own = (o: object): PropertyKey[] => Reflect.ownKeys(o).filter((k) => Object.prototype.propertyIsEnumerable.call(o, k));
  const keys = own(a);
  if (keys.length !== own(b).length) return false;
  return keys.every(
    (k) => Object.prototype.propertyIsEnumerable.call(b, k) && equal((a as Record<PropertyKey, unknown>)[k], (b as Record<PropertyKey, unknown>)[k]),
  );
}

export function deepStrictEqual(actual: unknown, expected: unknown, message?: string): void {
  if (!equal(actual, expected)) throw new Error(message ?? 'Expected values to be strictly deep-equal');
}
