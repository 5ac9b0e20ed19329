/**
 * The values the README and the TSDoc @example blocks promise, checked
 * against the built package so the docs cannot drift from the code.
 */

import { deepStrictEqual, strictEqual } from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseBody, parsePost } from 'emnews';

describe('documented examples', () => {
  it('README: Use', () => {
    const file = new URL('../examples/posts/2022-05-23-202205230000000003.md', import.meta.url);
    const post = parsePost(readFileSync(file), { fileName: '2022-05-23-202205230000000003.md' });
    deepStrictEqual(
      [post.title, post.date?.utc, post.source?.name, post.url?.articleId],
      ['示例市推进数字经济园区建设 智慧农业项目获支持', '2022-05-23T09:03:48.000Z', '示例证券报', '202205230000000003'],
    );
    const first = post.paragraphs[0]!;
    const mention = first.mentions[0]!;
    deepStrictEqual(
      [post.entities[mention.entityIndex]?.secid, post.entities[mention.entityIndex]?.label, first.text.slice(mention.start, mention.end)],
      ['90.BK1061', '数字经济', '数字经济'],
    );
  });

  it('README: parseBody', () => {
    const body = parseBody('<p>发展<span id="bk_90.BK1061"><a class="keytip" data-code="90,BK1061">数字经济</a></span>。</p>');
    deepStrictEqual(body.paragraphs[0], { kind: 'paragraph', text: '发展数字经济。', mentions: [{ entityIndex: 0, start: 2, end: 6 }] });
  });

  it('TSDoc: parsePost', () => {
    const post = parsePost(
      [
        '---',
        'layout: post',
        'title: "示例公司发布新品"',
        'date: 2022-05-23 17:03:48 +0800',
        'categories: emnews',
        'tags: 东财滚动新闻',
        '---',
        '> 示例公司发布新品。（示例日报）',
        '',
        '<p><span id="stock_0.000001"><a href="http://quote.eastmoney.com/unify/r/0.000001" class="keytip" ' +
          'data-code="0,000001">示例公司</a></span>发布新品。</p><p class="em_media">（文章来源：示例日报）</p>',
        '',
        '<http://finance.eastmoney.com/news/1355,202205230000000001.html>',
      ].join('\n'),
    );
    strictEqual(post.title, '示例公司发布新品');
    strictEqual(post.date?.utc, '2022-05-23T09:03:48.000Z');
    deepStrictEqual(post.paragraphs[0], { kind: 'paragraph', text: '示例公司发布新品。', mentions: [{ entityIndex: 0, start: 0, end: 4 }] });
    deepStrictEqual(
      [post.entities[0]?.kind, post.entities[0]?.market, post.entities[0]?.code, post.entities[0]?.exchange, post.entities[0]?.secid, post.entities[0]?.label],
      ['stock', 0, '000001', 'SZ', '0.000001', '示例公司'],
    );
    deepStrictEqual([post.source?.name, post.url?.articleId], ['示例日报', '202205230000000001']);
  });

  it('TSDoc: parseBody', () => {
    const body = parseBody(
      '<p>布局<span id="bk_90.BK1061"><a href="http://quote.eastmoney.com/unify/r/90.BK1061" ' +
        'class="keytip" data-code="90,BK1061">数字经济</a></span>。</p>' +
        '<p class="em_media">（文章来源：示例日报）</p>',
    );
    deepStrictEqual(body.paragraphs[0], { kind: 'paragraph', text: '布局数字经济。', mentions: [{ entityIndex: 0, start: 2, end: 6 }] });
    strictEqual(body.entities[0]?.secid, '90.BK1061');
    deepStrictEqual(body.source, { name: '示例日报', text: '（文章来源：示例日报）', from: 'body' });
  });
});
