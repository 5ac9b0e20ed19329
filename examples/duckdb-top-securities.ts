/**
 * From the command's output to an answer, in DuckDB (embedded, through
 * `@duckdb/node-api`: no server): the ten securities mentioned in the most
 * articles, per day.
 *
 *   emnews --dedupe _posts old_post > posts.jsonl
 *   node --import tsx examples/duckdb-top-securities.ts posts.jsonl
 *
 * Prints one tab-separated line per day and rank: day, rank, secid, label,
 * articles. A day is the post's own calendar day (Beijing time, from
 * `date.iso`), an article is its `articleId` (or its file, when it has
 * none), so copies of one article count once even without `--dedupe`; a
 * security is a `stock` entity, by its `secid`. Ties rank by secid.
 */

import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';

/** The query: JSON Lines in, one row per day and rank out. `$1` is the file. */
export const TOP_SECURITIES_SQL = `
WITH posts AS (
  SELECT file, post
  FROM read_json($1, format = 'newline_delimited', columns = {file: 'VARCHAR', post: 'JSON', error: 'JSON'})
  WHERE post IS NOT NULL AND json_extract_string(post, '$.date.iso') IS NOT NULL
),
mentions AS (
  SELECT DISTINCT
    substr(json_extract_string(post, '$.date.iso'), 1, 10) AS day,
    coalesce(json_extract_string(post, '$.articleId'), file) AS article,
    json_extract_string(entity, '$.secid') AS secid,
    json_extract_string(entity, '$.label') AS label
  FROM posts, unnest(from_json(json_extract(post, '$.entities'), '["JSON"]')) AS t(entity)
  WHERE json_extract_string(entity, '$.kind') = 'stock'
),
counted AS (
  SELECT day, secid, min(label) AS label, count(DISTINCT article) AS articles
  FROM mentions
  GROUP BY day, secid
)
SELECT day, rank, secid, label, articles
FROM (SELECT *, row_number() OVER (PARTITION BY day ORDER BY articles DESC, secid) AS rank FROM counted)
WHERE rank <= 10
ORDER BY day, rank
`;

/** One line of the answer. */
export interface TopSecurity {
  day: string;
  rank: number;
  secid: string;
  label: string;
  articles: number;
}

/** Runs the query on a JSONL file written by `emnews`. */
export async function topSecurities(jsonl: string): Promise<TopSecurity[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(TOP_SECURITIES_SQL, [jsonl]);
    return reader.getRowObjectsJS().map((row) => ({
      day: String(row['day']),
      rank: Number(row['rank']),
      secid: String(row['secid']),
      label: String(row['label']),
      articles: Number(row['articles']),
    }));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const jsonl = process.argv[2];
  if (jsonl === undefined) {
    console.error('usage: duckdb-top-securities.ts <posts.jsonl>');
    process.exit(2);
  }
  console.log(['day', 'rank', 'secid', 'label', 'articles'].join('\t'));
  for (const row of await topSecurities(jsonl)) console.log([row.day, row.rank, row.secid, row.label, row.articles].join('\t'));
}
