/**
 * `npm run test:docs` (after `npm run docs`): the API reference in
 * `docs/api/` as a reader meets it. First assertions on the generated HTML
 * and navigation data of every page, then the home page, the `Post` page,
 * the output and errors guides and the `emnews/archive` module page
 * rendered in Debian's headless Chromium
 * (screenshots go to a temporary folder, printed first) with assertions on
 * the rendered DOM. Each check names a defect it would have caught: blank
 * "On This Page" entries for headings written as code, "(thrown with )",
 * the module labelled "index", `parsePost` buried below the types, a home
 * page that opens with contributor commands, Chinese text without a font,
 * `readArchive` (the Node.js entry point `emnews/archive`) missing from the
 * reference or its types unlinked from the main entry's.
 * (That every TSDoc example defines or imports its names is checked
 * statically by test/docs-site.test.ts in `npm test`.)
 */

import { execFileSync } from 'node:child_process';
import { deepStrictEqual, notStrictEqual, ok, strictEqual } from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { launchChromium, screenshotFolder, serveFolder, type Chromium, type StaticServer } from './browser/chromium.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const site = join(root, 'docs/api');

/** What `npm run docs` reads; the site must be newer than all of it. */
function newestInput(): number {
  const inputs = ['README.md', 'tsconfig.build.json', 'docs/typedoc-plugin.mjs'];
  for (const dir of ['src', 'docs']) {
    for (const file of readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })) {
      if (!file.startsWith('api') && /\.(?:ts|md)$/.test(file)) inputs.push(join(dir, file));
    }
  }
  return Math.max(...inputs.filter((file) => existsSync(join(root, file))).map((file) => statSync(join(root, file)).mtimeMs));
}

const index = join(site, 'index.html');
if (!existsSync(index) || statSync(index).mtimeMs < newestInput()) {
  throw new Error('docs/api is missing or older than its sources: run `npm run docs` first');
}

const PAGES = (readdirSync(site, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => f.endsWith('.html')).sort();
const html = (page: string): string => readFileSync(join(site, page), 'utf8');

const decode = (text: string): string =>
  text
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();

/** The "On This Page" entries of a generated page: `{ target, text }`. */
function pageNavigation(source: string): { target: string; text: string }[] {
  const start = source.indexOf('On This Page</h3>');
  if (start === -1) return [];
  const block = source.slice(start, source.indexOf('</details>', start));
  return [...block.matchAll(/<a href="#([^"]*)"[^>]*>(.*?)<\/a>/g)].map((m) => ({ target: m[1]!, text: decode(m[2]!) }));
}

/** The Markdown headings of a generated page, by anchor: what their entries must read. */
function headings(source: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of source.matchAll(/<h[1-6] id="([^"]*)" class="tsd-anchor-link">(.*?)<a href="#[^"]*" aria-label="Permalink"/g)) {
    found.set(m[1]!, decode(m[2]!));
  }
  return found;
}

interface NavigationElement {
  text: string;
  path?: string;
  children?: NavigationElement[];
}

/** The sidebar's top level as TypeDoc's script builds it. */
function sidebarTree(): NavigationElement[] {
  const data = /"([^"]+)"/.exec(readFileSync(join(site, 'assets/navigation.js'), 'utf8'))![1]!;
  return JSON.parse(inflateSync(Buffer.from(data, 'base64')).toString('utf8')) as NavigationElement[];
}

/** The sidebar, flattened in reading order. */
function sidebar(): NavigationElement[] {
  const tree = sidebarTree();
  const flat: NavigationElement[] = [];
  const walk = (elements: NavigationElement[]): void => {
    for (const element of elements) {
      flat.push(element);
      walk(element.children ?? []);
    }
  };
  walk(tree);
  return flat;
}

const isApiType = (path: string | undefined): boolean => /(?:^|\/)(?:interfaces|types|classes|enums|variables)\/[^/]+$/.test(path ?? '');

/** The Node.js entry point: its module page and what `src/archive/index.ts` exports. */
const ARCHIVE_PAGE = 'modules/emnews_archive.html';
const ARCHIVE_EXPORTS = ['readArchive', 'ArchiveOptions', 'ArchiveEntry', 'ArchivePost', 'ArchiveFailure', 'ArchiveError', 'FileErrorCode'];

/** The pages a page links to, relative to the site (`interfaces/Post.html`), anchors dropped. */
function linkedPages(page: string): Set<string> {
  const base = new URL(page, 'http://site/');
  return new Set([...html(page).matchAll(/<a href="([^"#]+)(?:#[^"]*)?"/g)].map((m) => new URL(m[1]!, base).pathname.slice(1)));
}

describe('the generated HTML', () => {
  it('every "On This Page" entry is non-empty and reads as the heading it links to', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const page of PAGES) {
      const source = html(page);
      const anchors = headings(source);
      for (const { target, text } of pageNavigation(source)) {
        checked++;
        if (text === '') problems.push(`${page}: empty entry for #${target}`);
        if (!source.includes(`id="${target}"`)) problems.push(`${page}: entry "${text}" links to a missing #${target}`);
        const heading = anchors.get(target);
        if (heading !== undefined && heading !== text) problems.push(`${page}: entry "${text}" for the heading "${heading}"`);
      }
    }
    deepStrictEqual(problems, []);
    ok(checked > 100, `only ${checked} entries found: has the page layout changed?`);
  });

  it('no heading lost its code ("(thrown with )", an empty entry or parentheses)', () => {
    for (const page of PAGES) {
      const source = html(page);
      ok(!source.includes('(thrown with )'), page);
      for (const heading of headings(source).values()) ok(!/\(\s*\)|\s\)|\(\s|^,|,\s*,/.test(heading), `${page}: "${heading}"`);
    }
    const errors = [...headings(html('documents/errors.html')).values()];
    ok(errors.includes('Warnings: what was recovered (thrown with strict: true)'), errors.join(' | '));
  });

  it('the main entry is the project, emnews/archive its one module: nothing labelled "index"', () => {
    deepStrictEqual(PAGES.filter((page) => page.startsWith('modules/')), [ARCHIVE_PAGE]);
    for (const page of PAGES) ok(!/<title>index\b/.test(html(page)), page);
    deepStrictEqual(sidebar().filter((e) => e.text === 'index'), []);
    deepStrictEqual(sidebar().filter((e) => e.path?.startsWith('modules/')).map((e) => [e.text, e.path]), [['emnews/archive', ARCHIVE_PAGE]]);
  });

  it('the sidebar starts with parsePost, then parseBody, before every guide and type', () => {
    const entries = sidebar();
    deepStrictEqual(entries.slice(0, 2).map((e) => [e.text, e.path]), [
      ['parsePost', 'functions/parsePost.html'],
      ['parseBody', 'functions/parseBody.html'],
    ]);
    ok(entries.some((e) => isApiType(e.path) && e.text === 'Post'));
    // At the top: the functions and the archive module, unfolded; then the types, grouped, each group its own kind of export.
    const top = sidebarTree();
    deepStrictEqual(
      top.filter((e) => e.path).map((e) => e.text),
      ['parsePost', 'parseBody', 'parseArticle', 'parseNewsList', 'dedupePosts', 'emnews/archive'],
    );
    deepStrictEqual(
      top.filter((e) => !e.path).map((e) => e.text),
      ['Guides', 'Options', 'Output', 'Errors'],
    );
  });

  it('emnews/archive has a page, in the sidebar, that says Node.js and lists every export of the archive entry point', () => {
    const module = sidebarTree().find((e) => e.path === ARCHIVE_PAGE);
    ok(module, 'no sidebar entry for the archive module');
    strictEqual(module.children?.[0]?.text, 'readArchive', 'readArchive is not the first entry of the module');
    const inSidebar = new Set<string>();
    const walk = (elements: NavigationElement[]): void => elements.forEach((e) => (e.path && inSidebar.add(e.text), walk(e.children ?? [])));
    walk(module.children ?? []);
    deepStrictEqual([...inSidebar].sort(), [...ARCHIVE_EXPORTS].sort());
    const source = html(ARCHIVE_PAGE);
    ok(/<title>emnews\/archive\b/.test(source), 'the module page is not titled emnews/archive');
    ok(decode(source).includes('Node.js only'), 'the module page does not say it is for Node.js only');
    const listed = linkedPages(ARCHIVE_PAGE);
    for (const name of ARCHIVE_EXPORTS) {
      const page = [...listed].find((p) => p.endsWith(`.${name}.html`));
      ok(page !== undefined && PAGES.includes(page), `the module page does not link to a page for ${name}`);
      ok(html(page).includes('id="example"'), `${page}: no example`);
    }
  });

  it('the archive types link to the main entry\'s (ParseOptions, Post, PostCopy) and readArchive to its own', () => {
    const page = (name: string): string => PAGES.find((p) => p.endsWith(`.${name}.html`))!;
    ok(linkedPages(page('ArchiveOptions')).has('interfaces/ParseOptions.html'));
    ok(linkedPages(page('ArchivePost')).has('interfaces/Post.html'));
    ok(linkedPages(page('ArchivePost')).has('interfaces/PostCopy.html'));
    const readArchive = linkedPages(page('readArchive'));
    for (const name of ['ArchiveOptions', 'ArchiveEntry', 'ArchiveFailure']) ok(readArchive.has(page(name)), name);
    ok(readArchive.has('classes/PostParseError.html'));
  });

  it('the home page opens with `npm install emnews`', () => {
    const source = html('index.html');
    const content = source.slice(source.indexOf('<div class="tsd-panel tsd-typography">'));
    const firstCode = /<pre><code[^>]*>([\s\S]*?)<\/code>/.exec(content);
    strictEqual(decode(firstCode?.[1] ?? ''), 'npm install emnews');
  });
});

describe('the API reference in Chromium', () => {
  let server: StaticServer;
  let browser: Chromium;
  let page: Page;
  let shots: string;
  const pageErrors: string[] = [];

  before(async () => {
    shots = screenshotFolder('docs-screenshots');
    server = await serveFolder(site);
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens a page, waits for the sidebar TypeDoc's script builds, saves a screenshot when named. */
  async function open(path: string, shot?: string): Promise<void> {
    const response = await page.goto(server.url + path);
    strictEqual(response?.status(), 200, path);
    await page.waitForSelector('#tsd-nav-container a', { state: 'attached' });
    deepStrictEqual(pageErrors.splice(0), [], `script errors on ${path}`);
    if (shot !== undefined) await page.screenshot({ path: join(shots, `${shot}.png`), fullPage: true });
  }

  /** Opens a page as a first-time reader: TypeDoc keeps which sidebar folders were opened in localStorage, and the pages opened before would have opened them. */
  async function openFresh(path: string): Promise<void> {
    await open(path);
    await page.evaluate(() => localStorage.clear());
    await open(path);
  }

  /** The rendered "On This Page" entries with the text of the element each targets. */
  const renderedEntries = (): Promise<{ text: string; target: string; heading: string | null; visible: boolean }[]> =>
    page.evaluate(() =>
      [...document.querySelectorAll<HTMLAnchorElement>('.tsd-page-navigation a[href^="#"]')].map((a) => {
        const target = decodeURIComponent(a.hash.slice(1));
        const element = document.getElementById(target);
        const box = a.getBoundingClientRect();
        return {
          text: (a.textContent ?? '').trim(),
          target,
          heading: element && /^H[1-6]$/.test(element.tagName) ? (element.textContent ?? '').trim() : null,
          visible: box.width > 0 && box.height > 0,
        };
      }),
    );

  for (const [path, shot, minimum] of [
    ['index.html', 'home', 10],
    ['interfaces/Post.html', 'post', 10],
    ['documents/output.html', 'output-guide', 12],
    ['documents/errors.html', 'errors-guide', 3],
    [ARCHIVE_PAGE, 'archive', ARCHIVE_EXPORTS.length],
  ] as const) {
    it(`${path}: "On This Page" shows every heading by its text`, async () => {
      await open(path, shot);
      const entries = await renderedEntries();
      ok(entries.length >= minimum, `${entries.length} entries`);
      for (const entry of entries) {
        notStrictEqual(entry.text, '', `empty entry for #${entry.target}`);
        ok(entry.visible, `entry "${entry.text}" is not visible`);
        if (entry.heading !== null) strictEqual(entry.text, entry.heading);
      }
      ok(!(await page.locator('body').innerText()).includes('(thrown with )'));
    });
  }

  it('the sidebar shows parsePost first, visible without a click, and no "index"', async () => {
    await openFresh('index.html');
    const links = await page.locator('#tsd-nav-container a').evaluateAll((as) =>
      as.map((a) => ({ text: (a.textContent ?? '').trim(), href: a.getAttribute('href') ?? '' })),
    );
    deepStrictEqual(links.slice(0, 2).map((l) => l.text), ['parsePost', 'parseBody']);
    ok(await page.locator('#tsd-nav-container a', { hasText: /^parsePost$/ }).isVisible());
    const firstType = links.findIndex((l) => isApiType(l.href));
    ok(firstType > 1, `a type comes before the functions: ${links.map((l) => l.text).join(', ')}`);
    ok(!links.some((l) => l.text === 'index'));
    ok(!(await page.locator('.tsd-breadcrumb, .tsd-page-title').allInnerTexts()).some((t) => /\bindex\b/.test(t)));
  });

  it('the sidebar shows emnews/archive without a click; it leads to the module page and on to readArchive', async () => {
    await openFresh('index.html');
    const entry = page.locator('#tsd-nav-container a', { hasText: /^emnews\/archive$/ });
    ok(await entry.isVisible(), 'emnews/archive is not visible in the sidebar');
    await entry.click();
    await page.waitForURL(`**/${ARCHIVE_PAGE}`);
    await page.waitForSelector('#tsd-nav-container a', { state: 'attached' });
    ok((await page.locator('.col-content').innerText()).includes('Node.js'));
    // On the module's page its entries are unfolded in the sidebar.
    const link = page.locator('#tsd-nav-container a', { hasText: /^readArchive$/ });
    ok(await link.isVisible(), 'readArchive is not visible in the sidebar on the module page');
    await link.click();
    await page.waitForURL('**/functions/emnews_archive.readArchive.html');
    strictEqual((await page.locator('h1').innerText()).trim(), 'Function readArchive');
    ok((await page.locator('.col-content pre code').allInnerTexts()).some((code) => code.includes("from 'emnews/archive'")), 'no example imports from emnews/archive');
    deepStrictEqual(pageErrors.splice(0), []);
  });

  it('the home page shows `npm install emnews` as its first code block', async () => {
    await open('index.html');
    const first = await page.locator('.col-content pre code').first().innerText();
    strictEqual(first.trim(), 'npm install emnews');
  });

  it('Chinese text is drawn with a CJK font, in prose and in code', async () => {
    const cjkFamilies = new Set(
      execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' })
        .split(/[\n,]/)
        .map((f) => f.trim())
        .filter(Boolean),
    );
    ok(cjkFamilies.size > 0, 'no font for Chinese is installed: apt-get install -y fonts-noto-cjk');
    await open('documents/output.html');
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    for (const selector of ['.col-content p', '.col-content pre code']) {
      const text = await page.evaluate((s) => {
        const element = [...document.querySelectorAll(s)].find((e) => /[\u4e00-\u9fff]/.test(e.textContent ?? ''))!;
        element.setAttribute('data-cjk-probe', '');
        return element.textContent ?? '';
      }, selector);
      const { root: tree } = await cdp.send('DOM.getDocument', { depth: -1 });
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: tree.nodeId, selector: '[data-cjk-probe]' });
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      await page.evaluate(() => document.querySelector('[data-cjk-probe]')!.removeAttribute('data-cjk-probe'));
      const cjkCharacters = (text.match(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/g) ?? []).length;
      const cjkGlyphs = fonts.filter((f) => cjkFamilies.has(f.familyName)).reduce((n, f) => n + f.glyphCount, 0);
      ok(cjkCharacters > 0);
      ok(cjkGlyphs >= cjkCharacters, `${selector}: ${cjkCharacters} CJK characters, ${cjkGlyphs} drawn with a CJK font (${JSON.stringify(fonts)})`);
    }
  });
});
