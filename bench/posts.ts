/**
 * Inputs for the benchmarks: the real posts of `../shared/corpus` when it is
 * there, and invented posts of a given size in the same format (front
 * matter, digest, paragraphs with stock, board and keyword links, an image,
 * the source line, the URL and navigation).
 */

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CORPUS_DIR: string = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));

/** Every `.md` post under the corpus folder, or `[]` when it is absent. */
export function corpusPosts(): string[] {
  if (!existsSync(CORPUS_DIR)) return [];
  return (readdirSync(CORPUS_DIR, { recursive: true }) as string[])
    .filter((name) => name.endsWith('.md') && !name.endsWith('README.md'))
    .sort()
    .map((name) => readFileSync(join(CORPUS_DIR, name), 'utf8'));
}

const PARAGRAPHS = [
  '<p>示例科技（<span id="stock_0.000001"><a href="http://quote.eastmoney.com/unify/r/0.000001" class="keytip" data-code="0,000001">000001</a></span>）今日公告，公司与示例农业集团签署战略合作协议，双方将在<span id="bk_90.BK1061"><a href="http://quote.eastmoney.com/unify/r/90.BK1061" class="keytip" data-code="90,BK1061">数字经济</a></span>领域展开合作。</p>',
  '<p>根据协议，双方将共同建设智慧农业示范园区，预计总投资约12亿元。<span id="stock_1.600001"><a href="http://quote.eastmoney.com/unify/r/1.600001" class="keytip" data-code="1,600001">示例银行</a></span>将提供融资支持。</p>',
  '<p>数据显示，今年前三季度，公司实现营业收入35.6亿元，同比增长18.2%；<span id="Info.3259"><a href="http://quote.eastmoney.com/unify/r/0.399006" class="infokey" target="_blank">创业板指</a></span>当日上涨1.2%。</p>',
  '<p style="text-align:center"><img src="https://dfscdn.dfcfw.com/download/D0000000000000001_w800h555.jpg" width="552" alt="Image"></p><p style="text-align:center">图片来源：示例公司官网</p>',
  '<p><strong>分析人士认为</strong>，随着政策持续发力，<span id="stock_0.000001"><a href="http://quote.eastmoney.com/unify/r/0.000001" class="keytip" data-code="0,000001">示例科技</a></span>有望受益于行业景气度回升。</p>',
];

/** An invented post of about `bytes` UTF-8 bytes. */
export function generatedPost(bytes: number): string {
  const head = [
    '---',
    'layout: post',
    'title: "示例科技与示例农业集团签署战略合作协议"',
    'date: 2022-05-23 17:03:48 +0800',
    'categories: emnews',
    'tags: 东财滚动新闻',
    '---',
    '> 示例科技与示例农业集团签署战略合作协议，双方将在数字经济领域展开合作。（示例证券报）',
    '',
  ].join('\n');
  const tail = [
    '<p class="em_media">（文章来源：示例证券报）</p>',
    '',
    '<http://finance.eastmoney.com/a/202205230000000001.html>',
    '',
    '[返回东财滚动新闻](//finews.withounder.com/emnews/)｜[返回首页](//finews.withounder.com/)',
    '',
  ].join('\n');
  const parts = [head];
  let size = Buffer.byteLength(head) + Buffer.byteLength(tail);
  for (let i = 0; size < bytes; i++) {
    const paragraph = PARAGRAPHS[i % PARAGRAPHS.length]! + '\n';
    parts.push(paragraph);
    size += Buffer.byteLength(paragraph);
  }
  parts.push(tail);
  return parts.join('');
}
