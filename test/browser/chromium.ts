/**
 * Debian's headless Chromium (`/usr/bin/chromium`, or `CHROMIUM_PATH`),
 * driven by playwright-core, which never downloads a browser; and a static
 * file server on 127.0.0.1 to load pages from. Shared by `npm run test:docs`
 * and `npm run test:browser`. `apt-get install -y chromium fonts-noto-cjk`
 * provides the browser and the CJK fonts (`.ci/run` does).
 */

import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM: string = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * The flags this machine needs: no sandbox as root, no GPU, and no
 * background connections (the network is closed, so each would fail).
 * Playwright adds `--headless` itself for `headless: true`.
 */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Chromium {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Starts Chromium with a fresh, empty profile folder, removed on close. */
export async function launchChromium(options: { timezoneId?: string; locale?: string } = {}): Promise<Chromium> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium fonts-noto-cjk (or set CHROMIUM_PATH)`);
  const profile = mkdtempSync(join(tmpdir(), 'emnews-chromium-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1280, height: 900 },
    ...options,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.md': 'text/markdown; charset=utf-8',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Serves `root` (and nothing outside it) over http://127.0.0.1 on a free port, with `headers` on every page. */
export async function serveFolder(root: string, headers: Record<string, string> = {}): Promise<StaticServer> {
  const base = normalize(root + sep);
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    let file = normalize(join(base, path));
    if (file.startsWith(base) && existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(base) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A new folder for screenshots, under the system's temporary folder (or `EMNEWS_SCREENSHOTS`). */
export function screenshotFolder(name: string): string {
  const folder = process.env['EMNEWS_SCREENSHOTS'] ?? mkdtempSync(join(tmpdir(), `emnews-${name}-`));
  console.log(`screenshots: ${folder}`);
  return folder;
}
