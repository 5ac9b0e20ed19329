/**
 * `--format csv` and `--format mentions`: RFC 4180, read back by a reader
 * written here, by DuckDB (@duckdb/node-api) and by pandas (Debian's
 * python3-pandas, when installed) and compared with parsePost's own values.
 */

import { spawnSync } from 'node:child_process';
import { deepStrictEqual, ok, strictEqual } from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Post } from 'emnews';
import { expected, postNames, posts, run, tempDir } from './cli-fixtures.ts';

/** RFC 4180, read strictly: the test's own reader, so the writer is not checked against itself. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), (i += 2);
      else if (c === '"') (quoted = false), i++;
      else (cell += c), i++;
    } else if (c === '"' && cell === '') (quoted = true), i++;
    else if (c === ',') row.push(cell), (cell = ''), i++;
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), (i += 2);
    else if (c === '\r' || c === '\n' || c === '"') throw new Error(`bare ${JSON.stringify(c)} at ${i}`);
    else (cell += c), i++;
  }
  if (cell !== '' || row.length > 0) throw new Error('the last record has no CRLF');
  return rows;
}

/** Debian's python3, where apt installs pandas (the python3 on PATH may be another). */
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

function hasPandas(): boolean {
  return spawnSync(PYTHON, ['-c', 'import pandas'], { encoding: 'utf8' }).status === 0;
}

const guard = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

function articleCells(file: string, post: Post): string[] {
  const secids = [...new Set(post.entities.flatMap((e) => (e.secid === null ? [] : [e.secid])))];
  return [
    post.articleId ?? '',
    post.date?.utc ?? '',
    guard(post.title),
    post.source?.name ?? '',
    post.url?.href ?? '',
    JSON.stringify(post.categories),
    JSON.stringify(post.tags),
    guard(post.summary ?? ''),
    guard(post.paragraphs.map((p) => p.text).join('\n')),
    JSON.stringify(secids),
    JSON.stringify(post.entities.filter((e) => e.kind === 'unresolved').map((e) => e.code)),
    file,
    JSON.stringify([file]),
  ];
}

// Quotes, commas, CR/LF inside fields, formula starts, an unresolved security and a stock.
const HOSTILE = [
  '---',
  'title: "=HYPERLINK(\\"http://x.example\\"),\\"点击\\""',
  'date: 2022-05-23 17:03:48 +0800',
  'categories: [a b, "c,d"]',
  'tags: 示例',
  '---',
  '> -5% 一句摘要，含"引号"',
  '',
  '<p>+86 行一<br>行二, 逗号 <a class="keytip" data-code="002353">示例老股</a> 与 <a class="keytip" data-code="0,000001">示例公司</a></p>',
  '<p>@提及 "引号"</p>',
  '',
  '<http://finance.eastmoney.com/a/202205230000000009.html>',
].join('\r\n');

describe('tables', () => {
  const dir = tempDir('tables');
  const hostileFile = join(dir, '2022-05-23-202205230000000009.md');
  writeFileSync(hostileFile, HOSTILE);
  const csvFile = join(dir, 'articles.csv');
  const mentionsFile = join(dir, 'mentions.csv');

  it('--format csv: a BOM, a header, then one RFC 4180 row per article with parsePost\'s values', () => {
    const result = run(['--format', 'csv', posts, hostileFile]);
    strictEqual(result.status, 0, result.stderr);
    writeFileSync(csvFile, result.stdout);
    ok(result.stdout.startsWith('\uFEFFarticle_id,date_utc,title,source,url,categories,tags,summary,text,secids,unresolved,file,copies\r\n'));
    const [header, ...rows] = readCsv(result.stdout.slice(1));
    strictEqual(header!.length, 13);
    const files = [...postNames.map((name) => join(posts, name)), hostileFile];
    deepStrictEqual(rows, files.map((file) => articleCells(file, expected(file))));
    // The hostile row, spelled out: formulas guarded, lists as JSON, the unresolved code apart.
    const hostile = rows.at(-1)!;
    deepStrictEqual([hostile[2], hostile[5], hostile[7], hostile[9], hostile[10]], [
      `'=HYPERLINK("http://x.example"),"点击"`,
      '["a b","c,d"]',
      `'-5% 一句摘要，含"引号"`,
      '["0.000001"]',
      '["002353"]',
    ]);
    strictEqual(hostile[8], `'+86 行一\n行二, 逗号 示例老股 与 示例公司\n@提及 "引号"`);
  });

  it('--format mentions: one row per mention with its entity and offsets', () => {
    const result = run(['--format', 'mentions', posts, hostileFile]);
    strictEqual(result.status, 0, result.stderr);
    writeFileSync(mentionsFile, result.stdout);
    ok(result.stdout.startsWith('\uFEFFarticle_id,date_utc,kind,market,code,secid,label,paragraph,start,end,file\r\n'));
    const [, ...rows] = readCsv(result.stdout.slice(1));
    const wanted = [...postNames.map((name) => join(posts, name)), hostileFile].flatMap((file) => {
      const post = expected(file);
      return post.paragraphs.flatMap((p, index) =>
        p.mentions.map((m) => {
          const e = post.entities[m.entityIndex]!;
          return [post.articleId ?? '', post.date?.utc ?? '', e.kind, e.market === null ? '' : String(e.market), e.code, e.secid ?? '', p.text.slice(m.start, m.end), String(index), String(m.start), String(m.end), file];
        }),
      );
    });
    ok(wanted.length >= 5);
    deepStrictEqual(rows, wanted);
    deepStrictEqual(rows.at(-2)!.slice(2, 7), ['unresolved', '', '002353', '', '示例老股']);
  });

  it('DuckDB reads both tables back as written', async () => {
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    const articles = (await db.runAndReadAll(`SELECT * FROM read_csv('${csvFile}', all_varchar = true)`)).getRowObjectsJS();
    const [, ...rows] = readCsv(run(['--format', 'csv', posts, hostileFile]).stdout.slice(1));
    deepStrictEqual(
      articles.map((row) => Object.values(row).map((v) => v ?? '')),
      rows,
    );
    const secids = await db.runAndReadAll(
      `SELECT count(*) AS n FROM read_csv('${csvFile}', all_varchar = true), unnest(from_json(secids, '["VARCHAR"]')) AS t(secid)`,
    );
    strictEqual(Number(secids.getRowObjectsJS()[0]!['n']), rows.reduce((n, row) => n + (JSON.parse(row[9]!) as string[]).length, 0));
    const mentions = (await db.runAndReadAll(`SELECT count(*) AS n FROM read_csv('${mentionsFile}')`)).getRowObjectsJS();
    strictEqual(Number(mentions[0]!['n']), readCsv(run(['--format', 'mentions', posts, hostileFile]).stdout.slice(1)).length - 1);
  });

  it('pandas reads both tables back as written', { skip: !hasPandas() && 'needs python3-pandas (Debian)' }, () => {
    const script = `
import json, sys, pandas as pd
a = pd.read_csv(sys.argv[1], dtype=str, keep_default_na=False)
m = pd.read_csv(sys.argv[2], dtype=str, keep_default_na=False)
print(json.dumps({"columns": list(a.columns), "rows": a.values.tolist(), "mentions": len(m), "mcolumns": list(m.columns)}))
`;
    const result = spawnSync(PYTHON, ['-c', script, csvFile, mentionsFile], { encoding: 'utf8' });
    strictEqual(result.status, 0, result.stderr);
    const read = JSON.parse(result.stdout) as { columns: string[]; rows: string[][]; mentions: number; mcolumns: string[] };
    const [header, ...rows] = readCsv(run(['--format', 'csv', posts, hostileFile]).stdout.slice(1));
    deepStrictEqual(read.columns, header);
    deepStrictEqual(read.rows, rows);
    strictEqual(read.mentions, readCsv(run(['--format', 'mentions', posts, hostileFile]).stdout.slice(1)).length - 1);
    strictEqual(read.mcolumns[0], 'article_id');
  });

  it('leaves failures out of the table, on stderr, with exit status 1', () => {
    writeFileSync(join(dir, 'bad.md'), Buffer.from([0xff]));
    const result = run(['--format', 'csv', join(dir, 'bad.md'), hostileFile]);
    strictEqual(result.status, 1);
    strictEqual(readCsv(result.stdout.slice(1)).length, 2);
    strictEqual(result.stderr, `emnews: ${join(dir, 'bad.md')}: invalid-utf8: input is not valid UTF-8 at byte 0 (line 1, column 1)\n`);
  });
});
