/**
 * Inputs for the benchmarks: the real posts of `../shared/corpus` when it is
 * there, and invented posts of a given size in the same format (front
 * matter, digest, paragraphs with stock, board and keyword links, an image,
 * the source line, the URL and navigation).
 */

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CORPUS_DIR: string = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));

/** A post as the `emnews` command reads it: its file name and its bytes. */
export interface PostFile {
  fileName: string;
  bytes: Uint8Array;
}

/** Every `.md` post under the corpus folder, as bytes, or `[]` when it is absent. */
export function corpusFiles(): PostFile[] {
  if (!existsSync(CORPUS_DIR)) return [];
  return (readdirSync(CORPUS_DIR, { recursive: true }) as string[])
    .filter((name) => name.endsWith('.md') && !name.endsWith('README.md'))
    .sort()
    .map((name) => ({ fileName: basename(name), bytes: new Uint8Array(readFileSync(join(CORPUS_DIR, name))) }));
}

/** Every `.md` post under the corpus folder, as text, or `[]` when it is absent. */
export function corpusPosts(): string[] {
  return corpusFiles().map((file) => new TextDecoder().decode(file.bytes));
}

/** The file name a generated post would have in an archive (its URL's article id). */
export const GENERATED_FILE_NAME = '2022-05-23-202205230000000001.md';

// Paragraphs in the proportions of the real corpus: per KB about 5 tags,
// 5 attributes and 1 entity link (bench/README.md has the counts), so a
// generated 1 MB post is a long post, not a denser kind of markup.
const PARAGRAPHS = [
  '<p>示例科技（<span id="stock_0.000001"><a href="http://quote.eastmoney.com/unify/r/0.000001" class="keytip" data-code="0,000001">000001</a></span>）今日公告，公司与示例农业集团签署战略合作协议，双方将在智慧农业、农产品供应链和农村金融服务等领域展开全面合作，合作期限为五年，协议的签署不会对公司本年度经营业绩产生重大影响。</p>',
  '<p>根据协议，双方将共同建设智慧农业示范园区，预计总投资约12亿元，其中一期工程计划于明年上半年开工建设，主要包括数字化种植基地、冷链物流中心和农产品检测中心三部分。公司表示，将充分发挥自身在物联网和大数据方面的技术优势。</p>',
  '<p>数据显示，今年前三季度，公司实现营业收入35.6亿元，同比增长18.2%；实现归属于上市公司股东的净利润4.1亿元，同比增长22.7%。<span id="bk_90.BK1061"><a href="http://quote.eastmoney.com/unify/r/90.BK1061" class="keytip" data-code="90,BK1061">数字经济</a></span>板块当日整体上涨1.2%，成交额较前一交易日有所放大。</p>',
  '<p>分析人士认为，随着相关支持政策持续发力，农业现代化进程有望进一步加快，具备技术积累和渠道优势的企业将率先受益。不过也有观点提醒，项目建设周期较长，短期内对业绩的贡献有限，投资者仍需关注后续进展和市场环境的变化。</p>',
  '<p style="text-align:center"><img src="https://dfscdn.dfcfw.com/download/D0000000000000001_w800h555.jpg" width="552" alt="Image"></p>',
  '<p>业内人士指出，近年来各地积极推动农业与数字技术融合发展，智慧农业市场规模持续扩大。据不完全统计，去年全国智慧农业相关项目投资额超过千亿元，覆盖种植、养殖、加工、流通等多个环节，带动了一批新型农业经营主体的成长。</p>',
  '<p><strong>后续安排</strong></p>',
  '<p>公司同时披露，将在未来三个月内召开投资者说明会，就合作事项及经营情况与投资者进行交流。此前，<span id="stock_1.600001"><a href="http://quote.eastmoney.com/unify/r/1.600001" class="keytip" data-code="1,600001">示例银行</a></span>已与公司签署授信协议，为示范园区建设提供不超过30亿元的综合授信额度。</p>',
];

/**
 * An invented post of about `bytes` UTF-8 bytes (never less; a little more,
 * by less than a paragraph). `generatedPost(0)` is the post with no
 * paragraphs: front matter, digest, source line, URL and navigation.
 */
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
