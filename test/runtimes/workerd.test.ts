/**
 * The Cloudflare Worker example deployed as its README says: a project with
 * `cloudflare-worker.ts` and `wrangler.toml` and emnews and wrangler
 * installed, then `wrangler deploy`. A dry run (`--dry-run --outdir`) builds
 * exactly what would be uploaded, offline; that bundle must hold the worker
 * and emnews with nothing left to import, and then runs in workerd,
 * Cloudflare's runtime (through miniflare), with the compatibility date from
 * wrangler.toml. workerd has no Node.js built-ins and refuses `eval` and
 * `new Function`, so any use of them would fail here.
 */

import { spawnSync } from 'node:child_process';
import { deepStrictEqual, match, ok, strictEqual } from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Miniflare } from 'miniflare';
import { NAME, bytes, expected, here, root } from './fixture.ts';

const config = readFileSync(join(root, 'examples/wrangler.toml'), 'utf8');
const compatibilityDate = /^compatibility_date\s*=\s*"([^"]+)"/m.exec(config)?.[1];

describe('examples/wrangler.toml: wrangler deploy --dry-run', () => {
  // A user's project: the two example files, with emnews and wrangler installed.
  const project = mkdtempSync(join(tmpdir(), 'emnews-worker-'));
  const out = join(project, 'dist');
  let build: ReturnType<typeof spawnSync>;
  let bundle = '';
  let mf: Miniflare | undefined;

  before(async () => {
    for (const file of ['cloudflare-worker.ts', 'wrangler.toml']) copyFileSync(join(root, 'examples', file), join(project, file));
    symlinkSync(join(here, 'node_modules'), join(project, 'node_modules'), 'dir');
    build = spawnSync(join(project, 'node_modules/.bin/wrangler'), ['deploy', '--dry-run', '--outdir', out], {
      cwd: project,
      encoding: 'utf8',
      // Offline, and nothing written outside the project: no metrics, logs and settings in the project's folder.
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', XDG_CONFIG_HOME: join(project, '.config') },
      timeout: 120_000,
    });
    if (existsSync(join(out, 'cloudflare-worker.js'))) bundle = readFileSync(join(out, 'cloudflare-worker.js'), 'utf8');
    if (build.status === 0 && bundle !== '') {
      mf = new Miniflare({ modules: true, script: bundle, compatibilityDate: compatibilityDate! });
      await mf.ready;
    }
  });
  after(async () => {
    await mf?.dispose();
    rmSync(project, { recursive: true, force: true });
  });

  it('wrangler.toml names the worker, its entry point and a compatibility date', () => {
    match(config, /^name\s*=\s*"[a-z0-9-]+"$/m);
    match(config, /^main\s*=\s*"cloudflare-worker\.ts"$/m);
    match(compatibilityDate ?? '', /^\d{4}-\d{2}-\d{2}$/);
  });

  it('builds the upload without an account, as a dry run', () => {
    strictEqual(build.status, 0, `${build.stdout}\n${build.stderr}`);
    match(String(build.stdout), /--dry-run: exiting now/);
  });

  it('the bundle holds the worker and emnews, with nothing left to import', () => {
    const modules = [...bundle.matchAll(/^\/\/ (\S+)$/gm)].map((m) => m[1]!);
    ok(modules.includes('cloudflare-worker.ts'), `no worker in ${modules.join(', ')}`);
    for (const file of ['dist/parse-post.js', 'dist/parse-body.js', 'dist/errors.js']) {
      ok(modules.some((path) => path.endsWith(`/${file}`)), `no emnews ${file} in the bundle`);
    }
    // date-fns-tz is not imported since the date stage reads zones from Intl (docs/architecture.md).
    for (const dependency of ['htmlparser2', 'yaml']) {
      ok(modules.some((path) => path.includes(`/node_modules/${dependency}/`)), `no ${dependency} in the bundle`);
    }
    deepStrictEqual(bundle.match(/^\s*import\b.*$|\bimport\s*\(|\brequire\s*\(/gm) ?? [], []);
  });

  it('in workerd, answers a POSTed post with the JSON Node.js gives', async () => {
    ok(mf, 'no bundle to run');
    const response = await mf.dispatchFetch(`http://localhost/?fileName=${NAME}`, { method: 'POST', body: bytes });
    strictEqual(response.status, 200);
    strictEqual(response.headers.get('content-type'), 'application/json');
    deepStrictEqual(await response.json(), expected);
  });

  it('in workerd, answers 400 with the code for bytes that are not UTF-8, 405 for GET', async () => {
    ok(mf, 'no bundle to run');
    const bad = await mf.dispatchFetch('http://localhost/', { method: 'POST', body: new Uint8Array([0x2d, 0xff]) });
    strictEqual(bad.status, 400);
    strictEqual(((await bad.json()) as { error: { code: string } }).error.code, 'invalid-utf8');
    const get = await mf.dispatchFetch('http://localhost/');
    strictEqual(get.status, 405);
    await get.arrayBuffer();
  });
});
