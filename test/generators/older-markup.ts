/**
 * Bodies in older and mobile stock markup (FORMAT.md, "Beyond the
 * archive"): context spans with trailing market digits and US exchanges,
 * older quote links, spans with and without links inside, nested, unclosed
 * and crossing blocks, in any order.
 */

import fc from 'fast-check';

/** Pieces of older markup, valid and broken. */
export const OLDER_FRAGMENTS: readonly string[] = [
  '<span id="stock_6007171">', '<span id="stock_0000012">', '<span id="stock_013855">', '<span id="stock_6007179">', '<span id="stock_AAPL7">',
  '<span id="stock_NASDAQ_AAPL7">', '<span id="stock_NYSE_WMT7">', '<span id="stock_AMEX_X7">', '<span id="stock_3950222">', '<span id="stock_5013001">',
  '<span id="stock_0.000816">', '<span id="bk_90.BK1061">', '<span id="Info.385">', '<span id="Info.116.00700">', '<span id="quote_6007171">', '<span id="stock_">',
  '</span>', '<a class="keytip">', '<a class="keytip" href="http://quote.eastmoney.com/sh600717.html">', '<a class="keytip" href="http://quote.eastmoney.com/sz000001.html">',
  '<a class="keytip" href="http://quote.eastmoney.com/bj830799.html">', '<a class="keytip" href="http://quote.eastmoney.com/hk/00700.html">',
  '<a class="keytip" href="http://quote.eastmoney.com/us/AAPL.html?Market=NASDAQ">', '<a class="keytip" href="http://quote.eastmoney.com/us/aapl.html">',
  '<a class="keytip" href="http://quote.eastmoney.com/ZS395022.html">', '<a class="keytip" href="http://fund.eastmoney.com/501300.html">',
  '<a class="keytip" href="https://wap.eastmoney.com/quota/stock/index/013855">', '<a class="keytip" href="https://wap.eastmoney.com/quota/stock/index/x">',
  '<a class="keytip" data-code="002353">', '<a class="infokey" href="http://data.eastmoney.com/cjsj/gdp.html">', '<a href="javascript:1">', '<a href="/rel">', '</a>',
  '<a class="EmImageRemark" href="http://quote.eastmoney.com/us/aapl.html"><img alt="K图 aapl_31" src="http://example.com/k.png"></a>',
  '<p>', '</p>', '<div>', '</div>', '<strong>', '</strong>', '<br>', '<p class="em_media">', '<p style="display:none">', '<table><tr><td>', '</td></tr></table>',
  '示例', '股份', '。', ' ', '　', '&nbsp;', '\n', '\u0000', '\uD800', '\u200B',
];

const fragment = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...OLDER_FRAGMENTS) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
);

/** Older markup in any order. */
export const olderMarkupBody: fc.Arbitrary<string> = fc.array(fragment, { maxLength: 60 }).map((parts) => parts.join(''));
