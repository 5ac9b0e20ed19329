/**
 * The analysis step, as a user runs it: the command writes JSONL, then
 * examples/duckdb-top-securities.ts answers with DuckDB, checked against
 * the same answer computed here from the JSONL; and the SQL and pandas
 * snippets of docs/recipes.md, run on the command's output.
 */

import { spawnSync } from 'node:child_process';
import { deepStrictEqual, ok, strictEqual } from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Post } from 'emnews';
import { writeArchive } from '../bench/archive-fixtures.ts';
import { lines, posts, root, run, tempDir } from './cli-fixtures.ts';

/** Debian's python3, where apt installs pandas (the python3 on PATH may be another). */
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

function hasPandas(): boolean {
  return spawnSync(PYTHON, ['-c', 'import pandas'], { encoding: 'utf8' }).status === 0;
}

interface Row {
  day: string;
  rank: number;
  secid: string;
  label: string;
  articles: number;
}

/** The answer, computed without SQL: per day, stock secids by the number of distinct articles, ties by secid. */
function independently(jsonl: string): Row[] {
  const days = new Map<string, Map<string, { label: string; articles: Set<string> }>>();
  for (const line of lines(jsonl) as { file: string; post?: Post }[]) {
    const post = line.post;
    if (post?.date == null) continue;
    const day = post.date.iso.slice(0, 10);
    const counts = days.get(day) ?? days.set(day, new Map()).get(day)!;
    for (const entity of post.entities) {
      if (entity.kind !== 'stock') continue;
      const count = counts.get(entity.secid) ?? counts.set(entity.secid, { label: entity.label, articles: new Set() }).get(entity.secid)!;
      if (entity.label < count.label) count.label = entity.label;
      count.articles.add(post.articleId ?? line.file);
    }
  }
  return [...days.keys()].sort().flatMap((day) =>
    [...days.get(day)!]
      .map(([secid, { label, articles }]) => ({ secid, label, articles: articles.size }))
      .sort((a, b) => b.articles - a.articles || (a.secid < b.secid ? -1 : 1))
      .slice(0, 10)
      .map((row, i) => ({ day, rank: i + 1, ...row })),
  );
}

function parseTsv(stdout: string): Row[] {
  const [header, ...rows] = stdout.trimEnd().split('\n');
  strictEqual(header, 'day\trank\tsecid\tlabel\tarticles');
  return rows.map((line) => {
    const [day, rank, secid, label, articles] = line.split('\t') as [string, string, string, string, string];
    return { day, rank: Number(rank), secid, label, articles: Number(articles) };
  });
}

describe('from archive to DuckDB', () => {
  const dir = tempDir('duckdb');
  writeArchive(join(dir, 'archive'), 900);
  const plain = run([join(dir, 'archive')]);
  const deduped = run(['--dedupe', join(dir, 'archive')]);
  writeFileSync(join(dir, 'posts.jsonl'), plain.stdout);
  writeFileSync(join(dir, 'articles.jsonl'), deduped.stdout);

  it('examples/duckdb-top-securities.ts gives the ten securities in most articles per day, as computed here', () => {
    strictEqual(plain.status, 0, plain.stderr);
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'examples/duckdb-top-securities.ts', join(dir, 'posts.jsonl')], { cwd: root, encoding: 'utf8' });
    strictEqual(result.status, 0, result.stderr);
    const rows = parseTsv(result.stdout);
    const wanted = independently(plain.stdout);
    deepStrictEqual(rows, wanted);
    // The fixture makes the question real: many days, more than ten securities on some, counts above one.
    ok(new Set(rows.map((row) => row.day)).size >= 14);
    ok(rows.some((row) => row.rank === 10));
    ok(rows.some((row) => row.articles > 1));
  });

  it('counts an article once whether or not its copies were collapsed with --dedupe', () => {
    strictEqual(deduped.status, 0, deduped.stderr);
    ok(lines(deduped.stdout).length < lines(plain.stdout).length);
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'examples/duckdb-top-securities.ts', join(dir, 'articles.jsonl')], { cwd: root, encoding: 'utf8' });
    deepStrictEqual(parseTsv(result.stdout), independently(plain.stdout));
  });

  it('the README\'s query gives the same answer', async () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## From archive to dataset'));
    const sql = /```sql\n([\s\S]*?)```/.exec(section)![1]!;
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    await db.run(`SET file_search_path = '${dir}'`);
    const rows = (await db.runAndReadAll(sql)).getRowObjectsJS();
    deepStrictEqual(
      rows.map((row) => [row['day'], row['secid'], Number(row['articles'])]),
      independently(plain.stdout).map((row) => [row.day, row.secid, row.articles]),
    );
  });

  describe('docs/recipes.md', () => {
    const recipes = readFileSync(join(root, 'docs/recipes.md'), 'utf8');
    const blocks = (lang: string): string[] => [...recipes.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);
    const mixed = tempDir('recipes');
    // The command's output on the examples, a generated archive and a missing path: posts and an error line.
    const output = run([posts, join(dir, 'archive'), join(mixed, 'missing.md')]);
    writeFileSync(join(mixed, 'posts.jsonl'), output.stdout);
    const table = run(['--format', 'csv', posts, join(dir, 'archive')]);
    writeFileSync(join(mixed, 'articles.csv'), table.stdout);
    const parsed = lines(output.stdout).flatMap((line) => (line['post'] ? [line['post'] as Post] : []));

    it('the SQL runs in DuckDB on the command\'s output and counts what the JSONL holds', async () => {
      const [sql] = blocks('sql');
      ok(sql);
      const db = await (await DuckDBInstance.create(':memory:')).connect();
      await db.run(`SET file_search_path = '${mixed}'`);
      const results = [];
      for (const statement of sql.split(/;\s*\n/).map((s) => s.trim()).filter((s) => s !== '')) {
        results.push((await db.runAndReadAll(statement)).getRowObjectsJS());
      }
      const [, articles, entities] = results;
      strictEqual(articles!.length, parsed.length);
      // The table recipe: secids counted from the CSV equal those counted from the posts.
      const [tableSql] = blocks('sql').slice(1);
      const bySecurity = (await db.runAndReadAll(tableSql!)).getRowObjectsJS();
      const counts = new Map<string, number>();
      for (const post of parsed) for (const secid of new Set(post.entities.flatMap((e) => (e.secid === null ? [] : [e.secid])))) counts.set(secid, (counts.get(secid) ?? 0) + 1);
      deepStrictEqual(
        bySecurity.map((row) => [row['secid'], Number(row['articles'])]),
        [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)),
      );
      strictEqual(entities!.length, parsed.reduce((n, post) => n + post.entities.length, 0));
      deepStrictEqual(
        entities!.map((row) => row['secid'] ?? null).sort(),
        parsed.flatMap((post) => post.entities.map((e) => e.secid)).sort(),
      );
    });

    it('the pandas snippets run on the command\'s output', { skip: !hasPandas() && 'needs python3-pandas (Debian)' }, () => {
      const [python, tablePython] = blocks('python');
      ok(python && tablePython);
      const table = spawnSync(PYTHON, ['-c', `${tablePython}\nprint(len(articles), int(per_security.sum()))\n`], { cwd: mixed, encoding: 'utf8' });
      strictEqual(table.status, 0, table.stderr);
      const secids = parsed.reduce((n, post) => n + new Set(post.entities.flatMap((e) => (e.secid === null ? [] : [e.secid]))).size, 0);
      strictEqual(table.stdout, `${parsed.length} ${secids}\n`);
      const check = `${python}\nprint(len(articles), list(articles.columns), str(articles["date.utc"].dtype))\n`;
      const result = spawnSync(PYTHON, ['-c', check], { cwd: mixed, encoding: 'utf8' });
      strictEqual(result.status, 0, result.stderr);
      strictEqual(result.stdout, `${parsed.length} ['articleId', 'date.utc', 'title', 'source.name', 'url.href'] datetime64[ns, UTC]\n`);
    });
  });
});
