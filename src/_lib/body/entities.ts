import type { Entity } from '../../types.js';
import { exchangeOf, marketType } from './markets.js';
import type { EntityRef } from './markup.js';

/** Entities unique per `(kind, market, code)`, in first-seen order. */
export class EntityRegistry {
  readonly list: Entity[] = [];
  private readonly index = new Map<string, number>();

  /**
   * The index of the entity `ref` names, registering it on first sight.
   * The first non-empty label wins; `counted` adds a text mention.
   */
  add(ref: EntityRef, label: string, counted: boolean): number {
    const key = `${ref.kind} ${ref.market ?? ''} ${ref.code}`;
    let at = this.index.get(key);
    if (at === undefined) {
      at = this.list.length;
      this.index.set(key, at);
      this.list.push(create(ref, label));
    }
    const entity = this.list[at]!;
    if (entity.label === '' && label !== '') entity.label = label;
    if (counted) entity.mentionCount++;
    return at;
  }
}

/** The entity a reference names, its fields in the documented order. */
function create(ref: EntityRef, label: string): Entity {
  const { code } = ref;
  switch (ref.kind) {
    case 'stock': {
      const { market, secid } = ref;
      return { kind: 'stock', market, marketType: marketType(market), exchange: exchangeOf(market, code), code, secid, label, url: ref.url, mentionCount: 0 };
    }
    case 'board': {
      const { market, secid } = ref;
      return { kind: 'board', market, marketType: marketType(market), exchange: null, code, secid, label, url: ref.url, mentionCount: 0 };
    }
    case 'keyword': {
      const { market, secid } = ref;
      return { kind: 'keyword', market, marketType: market === null ? null : marketType(market), exchange: null, code, secid, label, url: ref.url, mentionCount: 0 };
    }
    case 'glossary':
      return { kind: 'glossary', market: null, marketType: null, exchange: null, code, secid: null, label, url: ref.url, mentionCount: 0 };
    case 'unresolved':
      return { kind: 'unresolved', market: null, marketType: null, exchange: null, code, secid: null, label, url: ref.url, mentionCount: 0 };
  }
}
