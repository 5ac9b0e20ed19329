/**
 * Already-parsed list responses that are not quite JSON data: any object
 * in a random response (the root, `data`, a list, an item, a stock list)
 * replaced by a transparent Proxy, a revoked Proxy, a Proxy with one
 * throwing trap, or given a throwing getter. The arbitrary is a plan (plain
 * data, so a counterexample prints); the hostile value is built from it
 * afresh for each run.
 *
 * The property: only PostParseError escapes; a result keeps every list
 * invariant; when the caller's code threw and a result came back, a warning
 * repeats the caller's message (never swallowed silently); transparent
 * Proxies read exactly as the plain value.
 */

import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { parseNewsList, PostParseError, type NewsList } from 'emnews';
import { listInvariantProblems } from '../invariants.ts';
import type { Property } from '../properties.ts';
import { listValue } from './lists.ts';

const KINDS = ['proxy', 'revoked', 'trap', 'getter'] as const;
const TRAPS = ['get', 'getOwnPropertyDescriptor', 'has', 'ownKeys', 'getPrototypeOf'] as const;
const MARKER = 'thrown by the caller';

interface Wrap {
  slot: number;
  kind: (typeof KINDS)[number];
  trap: (typeof TRAPS)[number];
  key: number;
}

export interface UnreadablePlan {
  value: unknown;
  wraps: Wrap[];
}

export const unreadablePlan: fc.Arbitrary<UnreadablePlan> = fc.record({
  value: listValue,
  wraps: fc.array(fc.record({ slot: fc.nat(), kind: fc.constantFrom(...KINDS), trap: fc.constantFrom(...TRAPS), key: fc.nat() }), { minLength: 1, maxLength: 3 }),
});

/** The hostile value of `plan`, and how many times the caller's code threw while it was read. */
export function build(plan: UnreadablePlan): { input: unknown; thrown: () => number } {
  let thrown = 0;
  const fail = (): never => {
    thrown++;
    throw new Error(MARKER);
  };
  const holder: Record<string, unknown> = { root: structuredClone(plan.value) };
  // Every place that holds an object: [its holder, its key, the object]; the root first.
  const slots: [Record<string, unknown>, string, object][] = [];
  const pending: [Record<string, unknown>, string][] = [[holder, 'root']];
  while (pending.length > 0) {
    const [parent, key] = pending.shift()!;
    const node = parent[key];
    if (node === null || typeof node !== 'object') continue;
    slots.push([parent, key, node]);
    for (const child of Object.keys(node)) pending.push([node as Record<string, unknown>, child]);
  }
  for (const { slot, kind, trap, key } of plan.wraps) {
    const [parent, name, target] = slots[slot % slots.length]!;
    // A Proxy wraps what the slot holds now (perhaps a Proxy); a getter goes on the object itself.
    const held = Object.getOwnPropertyDescriptor(parent, name)!;
    if (held.get !== undefined) continue; // a getter replaced it already
    const node = held.value as object;
    if (kind === 'proxy') parent[name] = new Proxy(node, {});
    else if (kind === 'trap') parent[name] = new Proxy(node, { [trap]: fail });
    else if (kind === 'revoked') {
      const { proxy, revoke } = Proxy.revocable(node, {});
      revoke();
      parent[name] = proxy;
    } else {
      const keys = Object.keys(target);
      if (keys.length > 0) Object.defineProperty(target, keys[key % keys.length]!, { get: fail, enumerable: true, configurable: true });
    }
  }
  return { input: holder['root'], thrown: () => thrown };
}

/** A result, or the code of the PostParseError; anything else is thrown. */
function outcome(input: unknown): NewsList | string {
  try {
    return parseNewsList(input as object);
  } catch (error) {
    if (error instanceof PostParseError) return error.code;
    throw error;
  }
}

export const UNREADABLE_PROPERTIES: readonly Property[] = [
  {
    name: 'parseNewsList: parsed JSON with Proxies, revoked Proxies and throwing getters or traps: only PostParseError, nothing swallowed',
    property: fc.property(unreadablePlan, (plan) => {
      const { input, thrown } = build(plan);
      const result = outcome(input);
      if (plan.wraps.every((wrap) => wrap.kind === 'proxy') && !isDeepStrictEqual(result, outcome(plan.value))) {
        throw new Error('a transparent Proxy changed the result');
      }
      if (typeof result === 'string') return;
      const problems = listInvariantProblems(result);
      if (problems.length > 0) throw new Error(`broken invariants:\n${problems.join('\n')}`);
      if (thrown() > 0 && !result.warnings.some((w) => w.code === 'invalid-list-item' && w.message.includes(MARKER))) {
        throw new Error(`the caller's code threw ${thrown()} times, and no warning says so: ${JSON.stringify(result.warnings)}`);
      }
    }) as unknown as Property['property'],
  },
];
