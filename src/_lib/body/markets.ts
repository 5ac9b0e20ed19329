import type { Exchange, MarketType } from '../../types.js';

const MARKET_TYPES: ReadonlyMap<number, MarketType> = new Map<number, MarketType>([
  [0, 'shenzhen-beijing'],
  [1, 'shanghai'],
  [90, 'board'],
  [116, 'hong-kong'],
  [128, 'hong-kong'],
  [105, 'us'],
  [106, 'us'],
  [107, 'us'],
  [100, 'global-index'],
  [8, 'futures'],
  [113, 'futures'],
  [114, 'futures'],
  [115, 'futures'],
  [142, 'futures'],
  [225, 'futures'],
  [118, 'gold-spot'],
  [119, 'forex'],
  [120, 'forex'],
  [133, 'forex'],
  [155, 'london'],
  [156, 'london'],
]);

// Beijing Stock Exchange codes share market 0 with Shenzhen.
const BEIJING_CODE = /^(?:43|83|87|920)\d+$/;

/** What an eastmoney market number stands for; `'unknown'` for numbers docs/format.md does not list. */
export function marketType(market: number): MarketType {
  return MARKET_TYPES.get(market) ?? 'unknown';
}

/** The exchange a security trades on, where the market and code tell it. */
export function exchangeOf(market: number, code: string): Exchange | null {
  switch (marketType(market)) {
    case 'shenzhen-beijing':
      return code.length === 6 && BEIJING_CODE.test(code) ? 'BJ' : 'SZ';
    case 'shanghai':
      return 'SH';
    case 'hong-kong':
      return 'HK';
    case 'us':
      return 'US';
    default:
      return null;
  }
}
