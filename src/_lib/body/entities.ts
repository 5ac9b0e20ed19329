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
      this.list.push({
        kind: ref.kind,
        market: ref.market,
        marketType: ref.market === null ? null : marketType(ref.market),
        exchange: ref.market === null || ref.kind !== 'stock' ? null : exchangeOf(ref.market, ref.code),
        code: ref.code,
        secid: ref.secid,
        label,
        url: ref.url,
        mentions: 0,
      });
    }
    const entity = this.list[at]!;
    if (entity.label === '' && label !== '') entity.label = label;
    if (counted) entity.mentions++;
    return at;
  }
}
