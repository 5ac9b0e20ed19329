/**
 * The S3 handler example with the real AWS SDK: the `index.ts` its doc
 * comment shows (an adapter from `@aws-sdk/client-s3` to the handler's
 * `ObjectStore`) is type-checked, bundled as the comment says (esbuild, one
 * ESM file, the SDK left external as the Lambda runtime provides it), and
 * its handler called with an "object created" event. The SDK talks to a
 * small S3 stand-in on 127.0.0.1 (path-style GetObject and PutObject), so
 * what goes over the wire is the SDK's own: signed requests, the key
 * encoded, the JSON written beside the post.
 */

import { spawnSync } from 'node:child_process';
import { deepStrictEqual, match, ok, strictEqual } from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { S3Handler } from 'aws-lambda';
import { build } from 'esbuild';
import { NAME, bytes, expected, here, root } from './fixture.ts';

const example = readFileSync(join(root, 'examples/aws-s3-handler.ts'), 'utf8');
/** The ```ts block of the example's doc comment, without the ` * ` margin. */
const indexTs = /^ \* ```ts\n([^]*?)^ \* ```$/m.exec(example)![1]!.replace(/^ \*(?: |$)/gm, '');
/** The esbuild banner given in aws-lambda.ts. */
const banner = /--banner:js="([^"]+)"/.exec(readFileSync(join(root, 'examples/aws-lambda.ts'), 'utf8'))![1]!;

describe('examples/aws-s3-handler.ts with @aws-sdk/client-s3, against an S3 stand-in on loopback', () => {
  // Inside test/runtimes (so both node_modules folders resolve); *.tmp.* is ignored by git.
  const project = mkdtempSync(join(here, 'aws-s3.tmp.'));
  const objects = new Map<string, Buffer>();
  const requests: { method: string; url: string; authorization: string; contentType: string }[] = [];
  let server: Server;
  let handler: S3Handler;
  const saved = { ...process.env };

  before(async () => {
    writeFileSync(join(project, 'index.ts'), indexTs);
    copyFileSync(join(root, 'examples/aws-s3-handler.ts'), join(project, 'aws-s3-handler.ts'));
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const path = decodeURIComponent(new URL(request.url!, 'http://s3.test').pathname);
        requests.push({ method: request.method!, url: request.url!, authorization: request.headers.authorization ?? '', contentType: request.headers['content-type'] ?? '' });
        if (request.method === 'PUT') {
          objects.set(path, Buffer.concat(chunks));
          response.writeHead(200, { etag: '"0"' }).end();
        } else if (request.method === 'GET' && objects.has(path)) {
          response.writeHead(200, { 'content-type': 'text/markdown', 'content-length': objects.get(path)!.length }).end(objects.get(path));
        } else {
          response.writeHead(404, { 'content-type': 'application/xml' }).end('<Error><Code>NoSuchKey</Code><Message>no such key</Message></Error>');
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    // What the Lambda runtime provides, pointed at the stand-in.
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_S3: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    });
    await build({
      entryPoints: [join(project, 'index.ts')],
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      outfile: join(project, 'dist/index.mjs'),
      external: ['@aws-sdk/*'],
      banner: { js: banner },
      logLevel: 'warning',
    });
    ({ handler } = (await import(pathToFileURL(join(project, 'dist/index.mjs')).href)) as { handler: S3Handler });
  });
  after(() => {
    server?.close();
    process.env = saved;
    rmSync(project, { recursive: true, force: true });
  });

  it("the doc comment's index.ts type-checks against the SDK's types (strict, exactOptionalPropertyTypes)", () => {
    match(indexTs, /from '@aws-sdk\/client-s3'/);
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { module: 'nodenext', target: 'es2022', strict: true, exactOptionalPropertyTypes: true, noEmit: true, allowImportingTsExtensions: true, skipLibCheck: true, types: ['node'] },
        files: ['index.ts'],
      }),
    );
    const result = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', project, '--pretty', 'false'], { encoding: 'utf8' });
    strictEqual(result.status, 0, result.stdout);
  });

  it('reads the uploaded post through the SDK and writes <key>.json beside it', async () => {
    const key = '存档/2022 05/' + NAME;
    objects.set(`/archive-bucket/${key}`, bytes);
    const encoded = key.split('/').map((part) => encodeURIComponent(part).replaceAll('%20', '+')).join('/');
    const record = { eventName: 'ObjectCreated:Put', s3: { bucket: { name: 'archive-bucket' }, object: { key: encoded, size: bytes.length } } };
    await handler({ Records: [record] } as Parameters<S3Handler>[0], {} as Parameters<S3Handler>[1], () => {});
    deepStrictEqual(requests.map((r) => r.method), ['GET', 'PUT']);
    for (const request of requests) match(request.authorization, /^AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE\//);
    ok(requests[1]!.url.startsWith(`/archive-bucket/${key.split('/').map(encodeURIComponent).join('/')}.json`), requests[1]!.url);
    strictEqual(requests[1]!.contentType, 'application/json; charset=utf-8');
    deepStrictEqual(JSON.parse(objects.get(`/archive-bucket/${key}.json`)!.toString('utf8')), { file: key, post: expected });
  });
});
