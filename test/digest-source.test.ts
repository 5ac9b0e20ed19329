/**
 * A digest's trailing outlet, in full-width or ASCII parentheses (two real
 * digest-only posts end `…目标。(示例台)`), read as the post's source.
 */

import { deepStrictEqual } from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePost, type Source } from 'emnews';

const post = (digest: string): string =>
  ['---', 'title: "示例"', 'date: 2021-12-08 12:58:23 +0800', '---', digest, '', '<http://finance.eastmoney.com/a/202112080000000001.html>', ''].join('\n');

const cases: [string, Source | null][] = [
  ['示例公司提前完成年度目标。（示例新闻网）', { name: '示例新闻网', text: '（示例新闻网）', from: 'digest' }],
  ['示例公司提前完成年度目标。(示例电视台)', { name: '示例电视台', text: '(示例电视台)', from: 'digest' }],
  ['示例公司提前完成年度目标！( 示例证券网 )', { name: '示例证券网', text: '( 示例证券网 )', from: 'digest' }],
  ['示例公司提前完成年度目标。（示例电视台)', { name: '示例电视台', text: '（示例电视台)', from: 'digest' }],
  // Not an outlet: no sentence end before it, a colon or comma inside, or too long.
  ['示例公司(600000)发布公告', null],
  ['示例公司发布公告。(注：数据未经审计)', null],
  ['示例公司发布公告。(这一段括号里的文字太长了不可能是一个媒体的名称而是正文的补充说明)', null],
];

describe('the digest\'s trailing outlet', () => {
  for (const [digest, source] of cases) {
    it(digest, () => {
      deepStrictEqual(parsePost(post(digest)).source, source);
    });
  }
});
