/**
 * Bodies made of small units repeated and mixed, the shapes that make the
 * output large for their size: nested links (whose texts once repeated
 * everything inside them, n² output), spans around links, paragraphs of one
 * character, table cells, entity links, images, and markup that costs a
 * warning each.
 */

import fc from 'fast-check';

export const UNITS = [
  '<b><a href="//e.com/">x', '<span><a href="//e.com/">', '<a href="//e.com/"><a href="//e.com/">x', '<a href="//e.com/">x<p>y',
  '<p>a', 'a</p>', '<li>a', '<h1>a', '<td>a', '<tr><td>a', 'a<br>', 'a\n\n', '<p>\x01\u200B', '<p>图：a',
  '<a href=x>y', '<img src=x>', '<img src=//e.com/a.png alt=a>', '<a data-code=x,y>', '<a href="javascript:1">y',
  '<a data-code=0,{i}>x</a>', '<span data-code=1,{i}>x</span>', '<span id="stock_0.{i}"><a data-code="{i}">x</a></span>',
  '<img data-code="K {i}|0|1">', '<a href="https://baike.eastmoney.com/item/{i}">x</a>', '<p class="em_media">（文章来源：a）</p>',
  '<div style="display:none">', '<p style="visibility:hidden">a<span style="visibility:visible">b',
] as const;

export interface Amplifier {
  units: string[];
  count: number;
}

/** A mixture of one to three units, repeated up to 300 times. */
export const amplifier: fc.Arbitrary<Amplifier> = fc.record({
  units: fc.array(fc.constantFrom(...UNITS), { minLength: 1, maxLength: 3 }),
  count: fc.integer({ min: 1, max: 300 }),
});

/** The body: the units in turn, `{i}` numbered so entity links are distinct. */
export function amplifierBody({ units, count }: Amplifier): string {
  const parts: string[] = [];
  for (let i = 0; i < count; i++) parts.push(units[i % units.length]!.split('{i}').join(i.toString(36)));
  return parts.join('');
}
