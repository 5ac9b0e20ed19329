/**
 * The web corpus check: `node --import tsx test/corpus-web-check.ts <dir>`
 * (CI runs it on ../shared/corpus/web after `npm test` built the package).
 *
 * Reads each real sample there with the reader for its form (`body-*` with
 * parseBody, `page-*` with parseArticle, `list-*` with parseNewsList) and
 * fails (exit 1) on any throw, any broken invariant (the same ones as for
 * posts: mention slices inside the text, valid entity indexes, JSON round
 * trip, no control characters, absolute http(s) addresses; pages also
 * against the published JSON Schema), output that changes with the host's
 * time zone, or an expectation below not met. The expectations are what
 * the samples' README and FORMAT.md say of them, counted from the HTML and
 * JSON by hand. Digest-only posts in `<dir>/../finews` whose digest ends
 * in an outlet in ASCII parentheses must get that source too.
 */

import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { parseArticle, parseBody, parseNewsList, parsePost, type Body, type NewsList, type Post } from 'emnews';
import { invariantProblems, listInvariantProblems } from './invariants.ts';

type Result = Body | Post | NewsList;
type Expectation = [what: string, holds: (result: never, raw: string) => boolean];

const secids = (r: Body | NewsList): string[] =>
  ('items' in r ? r.items.flatMap((item) => item.entities) : r.entities).map((e) => e.secid ?? `${e.kind}:${e.code}`);
const codes = (r: Result): string[] => r.warnings.map((w) => w.code);
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
/** Every capture of `pattern` in the raw sample: expectations read the sample, they never quote it. */
const all = (raw: string, pattern: RegExp): string[] => [...raw.matchAll(pattern)].map((m) => m[1]!);
const first = (raw: string, pattern: RegExp): string => pattern.exec(raw)?.[1] ?? '\0none';
const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();
const json = (raw: string): unknown => JSON.parse(raw.slice(raw.indexOf('{'), raw.lastIndexOf('}') + 1));
const at = (value: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], value);

/** What each sample must give; see the README beside the samples. */
const EXPECTED: Record<string, { read: (input: Buffer) => Result; expect: Expectation[] }> = {
  'body-2017-us-legacy-ids.html': {
    read: (input) => parseBody(input.toString('utf8')),
    expect: [
      ['30 text blocks (31 <p>, one holding only the K-line chart), 3 of them bold headings', (r: Body, raw) =>
        all(raw, /(<p>)/g).length === 31 && r.paragraphs.length === 30 && r.paragraphs.filter((p) => p.kind === 'heading').length === 3],
      ['every older id resolved by the trailing-digit and exchange rules, keywords from Info.<n>, no warning', (r: Body) =>
        same(secids(r), ['105.AAPL', 'keyword:78290', '106.WMT', '106.GE', 'keyword:352', '0.395022', '1.501300', 'keyword:344', 'keyword:391',
          '0.395031', '106.GS', '0.161125', '0.395024', '1.513500', 'keyword:342']) && r.warnings.length === 0],
      ['each mention\'s label is its link\'s text', (r: Body, raw) =>
        same(r.paragraphs.flatMap((p) => p.mentions.map((m) => p.text.slice(m.start, m.end))), all(raw, /class="(?:keytip|infokey)"[^>]*>([^<]*)</g))],
      ['the older chart link (no data-code) is no entity and no image', (r: Body) => r.images.length === 0 && r.entities.every((e) => e.mentionCount === 1)],
    ],
  },
  'body-2020-mobile-excerpt.html': {
    read: (input) => parseBody(input.toString('utf8')),
    expect: [
      ['3 paragraphs', (r: Body) => r.paragraphs.length === 3],
      ['stock_013855 with its mobile link is 116.01385, then the glossary terms of the baike links; no warning', (r: Body, raw) =>
        same(secids(r), ['116.01385', ...all(raw, /baike\.eastmoney\.com\/item\/([^"]+)"/g).map((term) => `glossary:${term}`)]) && r.warnings.length === 0],
    ],
  },
  'page-2019-republished-abridged.html': {
    // As fetched: the caller passes the address (the page names none), so its relative links resolve.
    read: (input) => parseArticle(input, { url: 'https://republisher.example/news/cjpl/36709.html' }),
    expect: [
      ['not eastmoney\'s template: a no-article-container warning, and no other', (r: Post) => same(codes(r), ['no-article-container'])],
      ['the title is the <h1>, the date the info line\'s (a date only: midnight Beijing)', (r: Post, raw) =>
        r.title === collapse(first(raw, /<h1>([^<]*)<\/h1>/)) && r.date?.iso === `${first(raw, /时间：(\d{4}-\d\d-\d\d)/)}T00:00:00+08:00`],
      ['the body is exactly the text of the 4 <p> in the article\'s box, the source its em_media line, the summary the description', (r: Post, raw) => {
        const box = raw.slice(raw.indexOf('<div class="body">'), raw.indexOf('class="em_media"'));
        const texts = all(box, /<p>([\s\S]*?)<\/p>/g).map((html) => collapse(html.replace(/<[^>]*>/g, '')));
        return texts.length === 4 && same(r.paragraphs, texts.map((text, i) => ({ kind: 'paragraph', text, mentions: r.paragraphs[i]?.mentions }))) &&
          r.source?.name === first(raw, /文章来源：([^）<]*)）/) && r.source.from === 'body' &&
          r.summary === collapse(first(raw, /<meta name="description" content="([^"]*)"/)) && r.links.length === 0;
      }],
      ['spans without <a>: the US stock of stock_NASDAQ_<ticker>7, then the keywords of Info.<n>', (r: Post, raw) =>
        same(secids(r), [`105.${first(raw, /id="stock_NASDAQ_([A-Z]+)7"/)}`, ...all(raw, /id="Info\.(\d+)"/g).map((code) => `keyword:${code}`)])],
    ],
  },
  'list-rolling-livelist.js': {
    read: (input) => parseNewsList(input),
    expect: [
      ['the rolling list: 2 items, no warning', (r: NewsList) => r.format === 'rolling' && r.items.length === 2 && r.warnings.length === 0],
      ['ids, Beijing times, and the second digest without its 【title】 prefix', (r: NewsList, raw) => {
        const digest = at(json(raw), 'LivesList', 1, 'digest') as string;
        const title = at(json(raw), 'LivesList', 1, 'title') as string;
        return r.items.every((item) => item.articleId !== null && item.url?.articleId === item.articleId && item.date?.offset === '+08:00') &&
          digest.startsWith(`【${title}】`) && r.items[1]?.summary === digest.slice(title.length + 2);
      }],
    ],
  },
  'list-fastnews.json': {
    read: (input) => parseNewsList(input),
    expect: [
      ['fast news: the repeated item collapses to 1, with a duplicate-item warning', (r: NewsList) =>
        r.format === 'fast-news' && r.items.length === 1 && same(codes(r), ['duplicate-item'])],
      ['its stockList is the Shanghai stock 1.601068; the kept item is the first', (r: NewsList, raw) =>
        same(secids(r), ['1.601068']) && r.items[0]?.entities[0]?.exchange === 'SH' &&
        r.items[0].summary === (at(json(raw), 'data', 'fastNewsList', 0, 'summary') as string).trim()],
    ],
  },
  'list-per-stock-item.json': {
    read: (input) => parseNewsList(input),
    expect: [
      ['one per-stock item: its outlet the source, Art_Url the address, Art_Code the id', (r: NewsList, raw) =>
        r.format === 'per-stock' && r.items.length === 1 && r.items[0]?.source?.from === 'list' &&
        r.items[0].source.name === at(json(raw), 'Art_MediaName') && r.items[0].url?.href === at(json(raw), 'Art_Url') &&
        r.items[0].articleId === at(json(raw), 'Art_Code') && r.warnings.length === 0],
    ],
  },
};

const ZONES = ['UTC', 'America/New_York', 'Asia/Kathmandu'];

function underZones<T>(run: () => T): T[] {
  const saved = process.env['TZ'];
  try {
    return ZONES.map((zone) => {
      process.env['TZ'] = zone;
      return run();
    });
  } finally {
    if (saved === undefined) delete process.env['TZ'];
    else process.env['TZ'] = saved;
  }
}

function main(dir: string | undefined): number {
  if (dir === undefined) {
    console.error('usage: node --import tsx test/corpus-web-check.ts <dir>');
    return 2;
  }
  const schemaPath = fileURLToPath(import.meta.resolve('emnews/schema.json'));
  const validatePost = new Ajv({ allErrors: true, strict: true }).compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
  const failures: string[] = [];
  const files = readdirSync(dir).filter((name) => !name.endsWith('.md')).sort();
  for (const name of Object.keys(EXPECTED)) if (!files.includes(name)) failures.push(`${name}: missing from ${dir}`);
  for (const name of files) {
    const spec = EXPECTED[name];
    if (spec === undefined) {
      failures.push(`${name}: a sample with no expectations here: add them`);
      continue;
    }
    const input = readFileSync(join(dir, name));
    let results: Result[];
    try {
      results = underZones(() => spec.read(input));
    } catch (error) {
      failures.push(`${name}: threw ${String(error)}`);
      continue;
    }
    const result = results[0]!;
    if (results.some((other) => JSON.stringify(other) !== JSON.stringify(result))) failures.push(`${name}: output differs across host time zones`);
    const problems = 'items' in result ? listInvariantProblems(result) : invariantProblems(result);
    for (const problem of problems) failures.push(`${name}: ${problem}`);
    if ('frontMatter' in result && !validatePost(JSON.parse(JSON.stringify(result)))) failures.push(`${name}: does not match emnews/schema.json`);
    for (const [what, holds] of spec.expect) {
      if (!holds(result as never, input.toString('utf8'))) failures.push(`${name}: expected ${what}`);
      else console.log(`ok ${name}: ${what}`);
    }
  }
  failures.push(...asciiOutlets(join(dir, '..', 'finews')));
  for (const failure of failures) console.error(`FAIL ${failure}`);
  console.log(`web corpus: ${files.length} samples, ${failures.length} failures`);
  return failures.length === 0 && files.length > 0 ? 0 : 1;
}

/** Digest-only posts ending `…。(outlet)` get that outlet as their source. */
function asciiOutlets(finews: string): string[] {
  if (!existsSync(finews)) return [];
  const failures: string[] = [];
  let checked = 0;
  for (const name of readdirSync(finews, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.md')).sort()) {
    const post = parsePost(readFileSync(join(finews, name)));
    const outlet = /[。！？]\(([^()]{1,24})\)$/.exec(post.summary ?? '')?.[1];
    if (outlet === undefined) continue;
    checked++;
    if (post.source?.name !== outlet) failures.push(`${name}: the digest ends in (${outlet}) but the source is ${JSON.stringify(post.source)}`);
  }
  console.log(`${checked} digest-only posts end in an outlet in ASCII parentheses`);
  if (checked === 0) failures.push(`${finews}: no digest ending in an outlet in ASCII parentheses found (the corpus has two)`);
  return failures;
}

process.exitCode = main(process.argv[2]);
