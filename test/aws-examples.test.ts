/**
 * The AWS Lambda examples as their users deploy them. aws-lambda.ts is
 * bundled the way Lambda users do (esbuild, one ESM file, platform node,
 * target node20) and the bundle's handler is called with API Gateway HTTP
 * API (payload 2.0) events of the real shape; its cold start is printed
 * beside `import('emnews')`, as a diagnostic, never asserted.
 * aws-s3-handler.ts runs against a fake S3 with "object created" events.
 */

import { spawnSync } from 'node:child_process';
import { deepStrictEqual, ok, rejects, strictEqual } from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { APIGatewayProxyEventV2, APIGatewayProxyHandlerV2, APIGatewayProxyStructuredResultV2, Context, S3Event } from 'aws-lambda';
import { build } from 'esbuild';
import { parsePost } from 'emnews';
import { createS3Handler, type LogEntry, type ObjectStore } from '../examples/aws-s3-handler.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const ROLLING = '2022-05-23-202205230000000003.md';
const rolling = readFileSync(join(root, 'examples/posts', ROLLING));
const expected: unknown = JSON.parse(JSON.stringify(parsePost(rolling, { fileName: ROLLING })));

/** An HTTP API payload 2.0 event, as API Gateway sends it (the shape of AWS's documented example). */
function httpEvent(method: string, body: string | null, options: { base64?: boolean; fileName?: string } = {}): APIGatewayProxyEventV2 {
  const query = options.fileName === undefined ? '' : `fileName=${encodeURIComponent(options.fileName)}`;
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: '/parse',
    rawQueryString: query,
    headers: {
      accept: '*/*',
      'content-length': String(body?.length ?? 0),
      'content-type': options.base64 ? 'application/octet-stream' : 'text/markdown; charset=utf-8',
      host: 'abcdef1234.execute-api.us-east-1.amazonaws.com',
      'user-agent': 'curl/8.5.0',
      'x-forwarded-for': '198.51.100.7',
      'x-forwarded-port': '443',
      'x-forwarded-proto': 'https',
    },
    ...(options.fileName === undefined ? {} : { queryStringParameters: { fileName: options.fileName } }),
    requestContext: {
      accountId: '123456789012',
      apiId: 'abcdef1234',
      domainName: 'abcdef1234.execute-api.us-east-1.amazonaws.com',
      domainPrefix: 'abcdef1234',
      http: { method, path: '/parse', protocol: 'HTTP/1.1', sourceIp: '198.51.100.7', userAgent: 'curl/8.5.0' },
      requestId: 'JKJaXmPLvHcESHA=',
      routeKey: '$default',
      stage: '$default',
      time: '23/May/2022:09:03:48 +0000',
      timeEpoch: 1653296628000,
    },
    ...(body === null ? {} : { body }),
    isBase64Encoded: options.base64 ?? false,
  };
}

const context = {
  callbackWaitsForEmptyEventLoop: true,
  functionName: 'emnews-parse',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:emnews-parse',
  memoryLimitInMB: '512',
  awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678',
  logGroupName: '/aws/lambda/emnews-parse',
  logStreamName: '2022/05/23/[$LATEST]abcdef',
  getRemainingTimeInMillis: () => 30_000,
} as Context;

const example = readFileSync(join(root, 'examples/aws-lambda.ts'), 'utf8');
const BANNER = "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";

describe('examples/aws-lambda.ts, bundled with esbuild into one ESM file for Node.js 20', () => {
  const dir = mkdtempSync(join(tmpdir(), 'emnews-lambda-'));
  const bundle = join(dir, 'index.mjs');
  let handler: APIGatewayProxyHandlerV2;
  const call = async (event: APIGatewayProxyEventV2) => (await handler(event, context, () => {})) as APIGatewayProxyStructuredResultV2;

  before(async () => {
    // The command in the example's doc comment.
    await build({
      entryPoints: [join(root, 'examples/aws-lambda.ts')],
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      outfile: bundle,
      banner: { js: BANNER },
      logLevel: 'warning',
    });
    ({ handler } = (await import(pathToFileURL(bundle).href)) as { handler: APIGatewayProxyHandlerV2 });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('the doc comment gives this esbuild command', () => {
    ok(example.includes(' *   npx esbuild aws-lambda.ts --bundle --platform=node --target=node20 --format=esm --outfile=dist/index.mjs \\\n'));
    ok(example.includes(` *     --banner:js="${BANNER}"\n`));
  });

  it('the bundle is self-contained: emnews and its dependencies inside, nothing imported but Node.js built-ins', () => {
    const code = readFileSync(bundle, 'utf8');
    const imports = [...code.matchAll(/^import\b[^;]*?from\s*["']([^"']+)["']/gm)].map((m) => m[1]!);
    deepStrictEqual(imports.filter((spec) => !spec.startsWith('node:')), []);
    // date-fns-tz is not imported since the date stage reads zones from Intl (docs/architecture.md).
    for (const path of ['dist/parse-post.js', 'node_modules/htmlparser2/', 'node_modules/yaml/']) {
      ok(code.includes(path), `${path} is not in the bundle`);
    }
  });

  it('a text body: 200 with the JSON parsePost gives', async () => {
    const result = await call(httpEvent('POST', rolling.toString('utf8'), { fileName: ROLLING }));
    deepStrictEqual([result.statusCode, result.headers?.['content-type']], [200, 'application/json; charset=utf-8']);
    deepStrictEqual(JSON.parse(result.body!), expected);
  });

  it('a base64 body (a binary content type): the same JSON', async () => {
    const result = await call(httpEvent('POST', rolling.toString('base64'), { base64: true, fileName: ROLLING }));
    strictEqual(result.statusCode, 200);
    deepStrictEqual(JSON.parse(result.body!), expected);
  });

  it('bytes that are not UTF-8: 400 with the error code', async () => {
    const result = await call(httpEvent('POST', Buffer.from([0x2d, 0xff]).toString('base64'), { base64: true }));
    strictEqual(result.statusCode, 400);
    strictEqual((JSON.parse(result.body!) as { error: { code: string } }).error.code, 'invalid-utf8');
  });

  it('more than 5 MB: 400 input-too-large; GET: 405', async () => {
    const big = await call(httpEvent('POST', 'x'.repeat(5 * 1024 * 1024 + 1)));
    deepStrictEqual([big.statusCode, (JSON.parse(big.body!) as { error: { code: string } }).error.code], [400, 'input-too-large']);
    strictEqual((await call(httpEvent('GET', null))).statusCode, 405);
  });

  it('cold start: importing the bundle beside import("emnews") (printed, not asserted)', (t) => {
    // Each sample is a fresh Node.js process; the two are interleaved so that machine load hits both alike.
    const sample = (specifier: string, invoke: boolean): number => {
      const script = `const t0 = performance.now();
const m = await import(${JSON.stringify(specifier)});
${invoke ? `await m.handler(${JSON.stringify(httpEvent('POST', rolling.toString('utf8'), { fileName: ROLLING }))}, {}, () => {});` : ''}
process.stdout.write(String(performance.now() - t0));`;
      const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
      strictEqual(result.status, 0, result.stderr);
      return Number(result.stdout);
    };
    const runs = 5;
    const samples: Record<string, number[]> = { 'import(bundle)': [], 'import(bundle) + first request': [], "import('emnews')": [] };
    for (let i = 0; i < runs; i++) {
      samples['import(bundle)']!.push(sample(pathToFileURL(bundle).href, false));
      samples['import(bundle) + first request']!.push(sample(pathToFileURL(bundle).href, true));
      samples["import('emnews')"]!.push(sample('emnews', false));
    }
    for (const [name, values] of Object.entries(samples)) {
      const sorted = values.sort((a, b) => a - b);
      const median = sorted[Math.floor(runs / 2)]!;
      t.diagnostic(`cold start ${name}: median ${median.toFixed(1)} ms of ${runs} (min ${sorted[0]!.toFixed(1)}, max ${sorted.at(-1)!.toFixed(1)})`);
    }
    ok(Object.values(samples).every((values) => values.every((ms) => ms > 0)));
  });
});

/** An S3 "object created" record, with the key URL-encoded as S3 sends it (`+` for a space). */
function s3Event(keys: string[], eventName = 'ObjectCreated:Put', size = 4096): S3Event {
  const encode = (key: string) => key.split('/').map((part) => encodeURIComponent(part).replaceAll('%20', '+')).join('/');
  return {
    Records: keys.map((key) => ({
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      awsRegion: 'us-east-1',
      eventTime: '2022-05-23T09:03:48.000Z',
      eventName,
      userIdentity: { principalId: 'AWS:AIDAEXAMPLE' },
      requestParameters: { sourceIPAddress: '198.51.100.7' },
      responseElements: { 'x-amz-request-id': 'C3D13FE58DE4C810', 'x-amz-id-2': 'FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD' },
      s3: {
        s3SchemaVersion: '1.0',
        configurationId: 'emnews-posts',
        bucket: { name: 'archive-bucket', ownerIdentity: { principalId: 'A3NL1KOZZKExample' }, arn: 'arn:aws:s3:::archive-bucket' },
        object: { key: encode(key), size, eTag: 'd41d8cd98f00b204e9800998ecf8427e', sequencer: '0055AED6DCD90281E5' },
      },
    })),
  };
}

/** A bucket in memory, recording every call. */
function fakeStore(objects: Record<string, Uint8Array | string>) {
  const calls: string[] = [];
  const puts = new Map<string, { body: string; contentType: string }>();
  const store: ObjectStore = {
    async getObject(bucket, key) {
      calls.push(`get ${bucket}/${key}`);
      const object = objects[key];
      if (object === undefined) throw Object.assign(new Error('The specified key does not exist.'), { name: 'NoSuchKey' });
      return typeof object === 'string' ? new TextEncoder().encode(object) : object;
    },
    async putObject(bucket, key, body, contentType) {
      calls.push(`put ${bucket}/${key}`);
      puts.set(key, { body, contentType });
    },
  };
  return { store, calls, puts };
}

describe('examples/aws-s3-handler.ts with a fake S3', () => {
  const SPACED = 'archive/2022 05/2022-05-23-202205230000000003.md';
  const UNICODE = '存档/示例 文章+1/2022-05-23-202205230000000003.md';
  const BROKEN = 'archive/-202205260000000099.md';

  it('parses each uploaded post, keys with spaces, "+" and Chinese decoded, and writes <key>.json beside it', async () => {
    const { store, calls, puts } = fakeStore({ [SPACED]: rolling, [UNICODE]: rolling });
    const log: LogEntry[] = [];
    const handler = createS3Handler({ store, log: (entry) => log.push(entry) });
    await handler(s3Event([SPACED, UNICODE]), context, () => {});
    deepStrictEqual(calls, [`get archive-bucket/${SPACED}`, `put archive-bucket/${SPACED}.json`, `get archive-bucket/${UNICODE}`, `put archive-bucket/${UNICODE}.json`]);
    for (const key of [SPACED, UNICODE]) {
      deepStrictEqual(JSON.parse(puts.get(`${key}.json`)!.body), { file: key, post: expected });
      strictEqual(puts.get(`${key}.json`)!.contentType, 'application/json; charset=utf-8');
    }
    deepStrictEqual(log.map((entry) => [entry['event'], entry['key']]), [['parsed', SPACED], ['parsed', UNICODE]]);
  });

  it('skips keys that are not .md (its own .md.json output among them) and events other than object created', async () => {
    const { store, calls } = fakeStore({});
    const log: LogEntry[] = [];
    const handler = createS3Handler({ store, log: (entry) => log.push(entry) });
    await handler(s3Event(['archive/notes.txt', `${SPACED}.json`, 'archive/README.MD.bak']), context, () => {});
    await handler(s3Event([SPACED], 'ObjectRemoved:Delete'), context, () => {});
    deepStrictEqual(calls, []);
    deepStrictEqual(log.map((entry) => [entry['event'], entry['key']]), [
      ['skipped', 'archive/notes.txt'],
      ['skipped', `${SPACED}.json`],
      ['skipped', 'archive/README.MD.bak'],
      ['skipped', SPACED],
    ]);
  });

  it('a post emnews rejects: error JSON beside it and a logged code, and the other posts of the event still parsed', async () => {
    const { store, puts } = fakeStore({ [BROKEN]: new Uint8Array([0x2d, 0x2d, 0xff]), [SPACED]: rolling });
    const log: LogEntry[] = [];
    await createS3Handler({ store, log: (entry) => log.push(entry) })(s3Event([BROKEN, SPACED]), context, () => {});
    const written = JSON.parse(puts.get(`${BROKEN}.json`)!.body) as { file: string; error: { code: string; message: string } };
    deepStrictEqual([written.file, written.error.code, Object.keys(written.error)], [BROKEN, 'invalid-utf8', ['code', 'message', 'line', 'column']]);
    ok(written.error.message.length > 0);
    deepStrictEqual(log.map((entry) => [entry['level'], entry['event'], entry['key'], entry['code']]), [
      ['error', 'failed', BROKEN, 'invalid-utf8'],
      ['info', 'parsed', SPACED, undefined],
    ]);
    deepStrictEqual(JSON.parse(puts.get(`${SPACED}.json`)!.body), { file: SPACED, post: expected });
  });

  it('an object larger than maxInputBytes is not downloaded: input-too-large error JSON', async () => {
    const { store, calls, puts } = fakeStore({ [SPACED]: rolling });
    await createS3Handler({ store, log: () => {}, maxInputBytes: 1000 })(s3Event([SPACED], 'ObjectCreated:Put', 5_000_000), context, () => {});
    deepStrictEqual(calls, [`put archive-bucket/${SPACED}.json`]);
    strictEqual((JSON.parse(puts.get(`${SPACED}.json`)!.body) as { error: { code: string } }).error.code, 'input-too-large');
  });

  it('an S3 error is thrown, so that Lambda retries the event, and nothing is written', async () => {
    const { store, puts } = fakeStore({});
    await rejects(async () => createS3Handler({ store, log: () => {} })(s3Event([SPACED]), context, () => {}), { name: 'NoSuchKey' });
    strictEqual(puts.size, 0);
  });
});
