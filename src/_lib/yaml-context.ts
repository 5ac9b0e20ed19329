/**
 * Anchors, aliases and notes of the flat YAML reader (flat-yaml.ts), for a
 * whole front matter and, at the same time, for each key's block as
 * key-by-key recovery reads it alone (without the other keys' anchors, with
 * its own alias counts).
 */

import type { JsonValue } from '../types.js';
import { cleanText } from './text.js';
import { UNSUPPORTED, type NodeContext } from './yaml-flow.js';
import { define, jsonLength, maxAliasedBlockJson, maxAliasedJson } from './yaml-json.js';

/** The library's `maxAliasCount`: an anchor may be resolved this many times, itself included. */
const MAX_ALIAS_COUNT = 100;

interface Anchor {
  value: unknown;
  /** The length of its value as JSON: what each copy adds to the output. */
  weight: number;
  /** Only empty collections inside, at any depth: the library does not count aliases to it. */
  hollow: boolean;
  /** Uses in the whole text, and in the block that defines it (the anchor itself counts one). */
  count: number;
  localCount: number;
  /** The block that defines it. */
  block: number;
  /** Strings cleaned inside it: each copy counts them again. */
  cleaned: number;
}

/** See {@link NodeContext}. */
export class Context implements NodeContext {
  /** Sources of numbers with no JSON form, in document order. */
  readonly notes: string[] = [];
  /** Strings that lost control characters. */
  cleaned = 0;
  /** Too many uses of an anchor (the library's limit), in the whole text. */
  excessive = false;
  /** Copies that would make the output too long ({@link maxAliasedJson}), in the whole text. */
  overBudget = false;
  /** Some alias was read. */
  aliased = false;
  readonly items: unknown[] = [];
  itemCount = 0;

  // The block being read.
  private block = 0;
  /** An alias named no anchor before it. */
  blockUnresolved = false;
  /** An alias named another block's anchor: read alone, the block fails. */
  blockCrossing = false;
  /** Too many alias uses, or copies, for the block alone. */
  blockExcessive = false;
  /** Some alias was read in the block. */
  blockAliased = false;
  private blockBudget = 0;

  private anchors: Map<string, Anchor> | null = null;
  private open = 0;
  private cleanedAtOpen = 0;
  private budget: number;

  constructor(length: number) {
    this.budget = maxAliasedJson(length);
  }

  /** A key's block starts: `length` characters long. */
  startBlock(length: number): void {
    this.block++;
    this.blockUnresolved = false;
    this.blockCrossing = false;
    this.blockExcessive = false;
    this.blockAliased = false;
    this.blockBudget = maxAliasedBlockJson(length);
    this.open = 0;
    this.itemCount = 0;
  }

  openAnchor(): void {
    // An anchor inside an anchored node: the library resolves its aliases in an order this reader does not follow.
    if (this.open > 0) throw UNSUPPORTED;
    this.open++;
    this.cleanedAtOpen = this.cleaned;
  }

  closeAnchor(name: string, value: unknown): void {
    this.open--;
    const cleaned = this.cleaned - this.cleanedAtOpen;
    const weight = jsonLength(value);
    (this.anchors ??= new Map()).set(name, { value, weight, hollow: isHollow(value), count: 1, localCount: 1, block: this.block, cleaned });
  }

  /** The text is no mapping the reader can give: too many aliases, or copies. */
  get excessiveOrOver(): boolean {
    return this.excessive || this.overBudget;
  }

  alias(name: string): unknown {
    // An alias inside an anchored node makes the library count aliases recursively (and may be circular).
    if (this.open > 0) throw UNSUPPORTED;
    const anchor = this.anchors?.get(name);
    if (anchor === undefined) {
      // The library: "Unresolved alias". Noted, not thrown: in key-by-key recovery every
      // key can have one, and an exception per key costs more than the key.
      this.blockUnresolved = true;
      return null;
    }
    const local = anchor.block === this.block;
    this.aliased = true;
    this.blockAliased = true;
    anchor.count++;
    this.budget -= anchor.weight;
    if (!anchor.hollow && anchor.count > MAX_ALIAS_COUNT) this.excessive = true;
    if (this.budget < 0) this.overBudget = true;
    if (local) {
      anchor.localCount++;
      this.blockBudget -= anchor.weight;
      if ((!anchor.hollow && anchor.localCount > MAX_ALIAS_COUNT) || this.blockBudget < 0) this.blockExcessive = true;
    } else {
      this.blockCrossing = true;
    }
    this.cleaned += anchor.cleaned;
    // A copy is needed while the whole text, or (for a local alias) the block, can still be read.
    if (this.excessiveOrOver && (!local || this.blockExcessive)) return null;
    return copy(anchor.value);
  }

  note(source: string): void {
    this.notes.push(source);
  }

  clean(value: string): string {
    const clean = cleanText(value);
    if (clean !== value) this.cleaned++;
    return clean;
  }
}

/**
 * Whether a value holds nothing but empty collections, at any depth (`[]`,
 * `{}`, `[[], {}]`): the library counts an alias to it as none.
 */
function isHollow(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(isHollow);
  return value !== null && typeof value === 'object' && Object.keys(value).length === 0;
}

/** A fresh copy of an anchored value, so that no two places of the output share an object. */
function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, JsonValue> = {};
  for (const [key, item] of Object.entries(value)) {
    define(out, key, copy(item) as JsonValue);
  }
  return out;
}
