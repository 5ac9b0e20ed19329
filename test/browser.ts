/**
 * `npm run test:browser`: emnews in a real browser. The package is bundled
 * by esbuild for the browser (platform `browser`, from `emnews` as a
 * browser user's bundler resolves it) together with the property suite's
 * invariants (test/invariants.ts), loaded into Debian's headless Chromium
 * from a page served on 127.0.0.1 under a Content-Security-Policy without
 * `unsafe-eval`, in another time zone than Node's. The same cases run in
 * Node.js in the same run, and the browser must give exactly Node's
 * outcomes:
 *
 * - a fixed-seed sample of the property suite's generated inputs
 *   (test/properties.ts: any UTF-16 string, token soups, mutated posts),
 *   through `parsePost`, `parseBody` and `strict` mode, with every invariant
 *   holding and only `PostParseError` thrown;
 * - table cases: every example post (as text and as UTF-8 bytes), options,
 *   a date in China's former summer time, bytes that are not UTF-8;
 * - results broken on purpose, which the invariants must reject alike.
 *
 * `EMNEWS_SEED` and `EMNEWS_BROWSER_RUNS` change the sample.
 */

import { isDeepStrictEqual } from 'node:util';
import { deepStrictEqual as nodeDeepStrictEqual, deepStrictEqual, ok, strictEqual } from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import fc from 'fast-check';
import { parseBody, parsePost, PostParseError } from 'emnews';
import { invariantProblems } from './invariants.ts';
import { anyPostText, mutatedPost, tokenSoup } from './properties.ts';
import { deepStrictEqual as shimDeepStrictEqual } from './browser/assert-shim.ts';
import { runCases, type Breakage, type Case, type Outcome } from './browser/cases.ts';
import { launchChromium, serveFolder, type Chromium, type StaticServer } from './browser/chromium.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const seed = Number(process.env['EMNEWS_SEED'] ?? 20261128);
const runs = Number(process.env['EMNEWS_BROWSER_RUNS'] ?? 200);
const BROWSER_ZONE = 'Pacific/Chatham';

const postsDir = join(root, 'examples/posts');
const POSTS = readdirSync(postsDir)
  .filter((name) => name.endsWith('.md'))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(postsDir, name), 'utf8') }));

function tableCases(): Case[] {
  const cases: Case[] = [];
  for (const { name, text } of POSTS) {
    cases.push({ id: `post ${name}`, call: 'parsePost', text, options: { fileName: name } });
    cases.push({ id: `post ${name} as UTF-8 bytes`, call: 'parsePost', text, asBytes: true, options: { fileName: name } });
    cases.push({ id: `post ${name}, strict`, call: 'parsePost', text, options: { fileName: name, strict: true } });
  }
  const early = POSTS.find((p) => p.name.startsWith('2021-12-08'))!;
  cases.push(
    { id: 'relative navigation with baseUrl', call: 'parsePost', text: early.text, options: { baseUrl: 'https://archive.example.com/emnews/2021/12/08/' } },
    { id: 'summer time 1988, Asia/Shanghai', call: 'parsePost', text: '---\ntitle: 夏令时\ndate: 1988-07-01 12:00:00\n---\n<p>正文</p>\n' },
    { id: 'no offset, America/New_York', call: 'parsePost', text: '---\ntitle: 纽约\ndate: 2022-07-01 12:00:00\n---\n<p>正文</p>\n', options: { timeZone: 'America/New_York' } },
    { id: 'no offset, in the spring-forward gap', call: 'parsePost', text: '---\ntitle: 纽约\ndate: 2022-03-13 02:30:00\n---\n', options: { timeZone: 'America/New_York' } },
    { id: 'unknown time zone', call: 'parsePost', text: '---\ntitle: x\n---\n', options: { timeZone: 'Mars/Olympus' } },
    { id: 'bytes that are not UTF-8', call: 'parsePostBytes', bytes: [0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a] },
    { id: 'UTF-16 bytes with a BOM', call: 'parsePostBytes', bytes: [0xff, 0xfe, 0x2d, 0, 0x2d, 0, 0x2d, 0, 0x0a, 0, 0x2d, 0, 0x2d, 0, 0x2d, 0, 0x0a, 0, 0x8b, 0x4e] },
    {
      id: 'parseBody: stock, board, keyword, chart, source',
      call: 'parseBody',
      text:
        '<!-- EM_StockImg_Start --><p><a class="EmImageRemark" data-code="NIO|106|7"><img src="//x.example.com/k.png" alt="K图 NIO_0"></a></p><!-- EM_StockImg_End -->' +
        '<p>　　示例<span id="stock_1.600000"><a href="http://quote.eastmoney.com/unify/r/1.600000" class="keytip" data-code="1,600000">某银行</a></span>与' +
        '<span id="bk_90.BK1061"><a class="keytip" data-code="90,BK1061">数字经济</a></span>的<span id="Info.3323"><a href="http://data.eastmoney.com/bbsj/" class="infokey">营业收入</a></span>&nbsp;&lt;增长&gt;。</p>' +
        '<p class="em_media">（文章来源：示例日报）</p>',
    },
  );
  const rolling = POSTS.find((p) => p.name.startsWith('2022-05-23-2022'))!.text;
  const breakages: Breakage[] = ['negative-zero', 'undefined-field', 'mention-past-text', 'control-character', 'date-object', 'relative-url'];
  for (const breakage of breakages) cases.push({ id: `broken: ${breakage}`, call: 'broken', text: rolling, breakage });
  return cases;
}

function sampledCases(): Case[] {
  const cases: Case[] = [];
  const sample = (name: string, arbitrary: fc.Arbitrary<string>, n: number): string[] =>
    fc.sample(arbitrary, { seed: seed + name.length, numRuns: n });
  sample('any', anyPostText, runs).forEach((text, i) => {
    cases.push({ id: `any #${i}`, call: 'parsePost', text });
    cases.push({ id: `any #${i} parseBody`, call: 'parseBody', text });
    cases.push({ id: `any #${i} strict`, call: 'parsePost', text, options: { strict: true } });
  });
  sample('mutated', mutatedPost, runs).forEach((text, i) => {
    cases.push({ id: `mutated #${i}`, call: 'parsePost', text, options: { fileName: '2022-05-23-202205230000000001.md' } });
  });
  sample('soup', tokenSoup, runs).forEach((text, i) => cases.push({ id: `soup #${i}`, call: 'parseBody', text }));
  return cases;
}

/** Both outcomes as the JSON that crossed out of the page, so both sides compare alike. */
const asJson = (outcomes: Outcome[]): Outcome[] => JSON.parse(JSON.stringify(outcomes)) as Outcome[];

describe('the browser bundle of test/invariants.ts', () => {
  it('uses an assert shim that agrees with Node on strict deep equality', () => {
    const proto = Object.create(null) as object;
    const pairs: [unknown, unknown][] = [
      [{ a: 1, b: [1, 'x', null] }, { a: 1, b: [1, 'x', null] }],
      [{ a: 1, b: 2 }, { b: 2, a: 1 }],
      [0, -0],
      [{ a: -0 }, { a: 0 }],
      [{ a: undefined }, {}],
      [[1, 2], [1, 2, 3]],
      [[1], { 0: 1 }],
      [proto, {}],
      [new Date(0), '1970-01-01T00:00:00.000Z'],
      [new Date(0), new Date(0)],
      [NaN, NaN],
      ['1', 1],
      [{ a: { b: { c: [1] } } }, { a: { b: { c: [2] } } }],
    ];
    for (const [i, [a, b]] of pairs.entries()) {
      const agrees = (check: () => void): boolean => {
        try {
          check();
          return true;
        } catch {
          return false;
        }
      };
      strictEqual(agrees(() => shimDeepStrictEqual(a, b)), agrees(() => nodeDeepStrictEqual(a, b)), `pair ${i}`);
    }
  });
});

describe(`emnews in headless Chromium (seed ${seed}, ${runs} samples per generator, page time zone ${BROWSER_ZONE})`, () => {
  let work: string;
  let server: StaticServer;
  let browser: Chromium;
  const cases = [...tableCases(), ...sampledCases()];
  let inBrowser: Outcome[];
  let inNode: Outcome[];

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'emnews-browser-'));
    const bundle = await build({
      entryPoints: [join(root, 'test/browser/entry.ts')],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      write: false,
      logLevel: 'warning',
      plugins: [
        {
          name: 'assert-shim',
          setup(b) {
            b.onResolve({ filter: /^node:assert(?:\/strict)?$/ }, () => ({ path: join(root, 'test/browser/assert-shim.ts') }));
          },
        },
      ],
    });
    const code = bundle.outputFiles[0]!.text;
    ok(!/\bfrom\s*["']node:|require\(["']node:/.test(code), 'the bundle still imports a Node.js module');
    writeFileSync(join(work, 'emnews.js'), code);
    writeFileSync(join(work, 'index.html'), '<!doctype html><meta charset="utf-8"><title>loading</title><script type="module" src="emnews.js"></script>\n');
    server = await serveFolder(work, { 'content-security-policy': "default-src 'none'; script-src 'self'" });
    browser = await launchChromium({ timezoneId: BROWSER_ZONE });
    inNode = asJson(runCases({ parsePost, parseBody, PostParseError, invariantProblems }, cases));
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('loads the bundle under a CSP without unsafe-eval, in another time zone', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(server.url);
    await page.waitForFunction(() => document.title === 'emnews ready');
    strictEqual(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone), BROWSER_ZONE);
    strictEqual(await page.evaluate(() => new Date(0).getTimezoneOffset()), -765);
    // The CSP is in force: the page's own script may not generate code from strings.
    strictEqual(await page.evaluate(() => window.emnewsEvalRefused), true);
    inBrowser = JSON.parse(await page.evaluate((json) => window.emnewsRun(json), JSON.stringify(cases))) as Outcome[];
    deepStrictEqual(errors, []);
    strictEqual(inBrowser.length, cases.length);
  });

  it('never crashes: every outcome is a result or a PostParseError', () => {
    deepStrictEqual(inBrowser.filter((o) => 'crash' in o), []);
  });

  it('every invariant holds for every result, in the browser', () => {
    const broken = inBrowser.filter((o) => 'problems' in o && o.problems.length > 0 && !o.id.startsWith('broken: '));
    deepStrictEqual(broken, []);
    ok(inBrowser.filter((o) => 'result' in o).length > cases.length / 2, 'most cases should parse');
  });

  it('the invariants reject the broken results in the browser, as in Node', () => {
    for (const outcome of inBrowser.filter((o) => o.id.startsWith('broken: '))) {
      ok('problems' in outcome && outcome.problems.length > 0, `${outcome.id}: no problem reported`);
    }
  });

  it('gives exactly the outcomes Node.js gives, case by case', () => {
    const differing = cases.filter((_, i) => !isDeepStrictEqual(inBrowser[i], inNode[i])).map((c) => c.id);
    deepStrictEqual(differing, []);
  });

  it('the table cases answer what they should (sanity checks on the shared outcomes)', () => {
    const byId = new Map(inBrowser.map((o) => [o.id, o]));
    const result = (id: string): Record<string, unknown> => {
      const outcome = byId.get(id);
      ok(outcome && 'result' in outcome, `${id}: ${JSON.stringify(outcome)}`);
      return outcome.result as Record<string, unknown>;
    };
    strictEqual((result('summer time 1988, Asia/Shanghai')['date'] as { iso: string }).iso, '1988-07-01T12:00:00+09:00');
    strictEqual((result('no offset, America/New_York')['date'] as { offset: string }).offset, '-04:00');
    const code = (id: string): string | undefined => {
      const outcome = byId.get(id);
      return outcome && 'error' in outcome ? outcome.error.code : undefined;
    };
    strictEqual(code('bytes that are not UTF-8'), 'invalid-utf8');
    strictEqual(code('unknown time zone'), 'invalid-option');
    for (const { name } of POSTS) deepStrictEqual(result(`post ${name} as UTF-8 bytes`), result(`post ${name}`));
  });
});
