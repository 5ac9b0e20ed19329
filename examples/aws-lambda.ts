/**
 * An AWS Lambda function behind an API Gateway HTTP API (payload format
 * 2.0) or a Lambda function URL (the same event): POST a post's text, get
 * its JSON back.
 *
 *   curl --data-binary @post.md 'https://…/parse?fileName=2022-05-23-202205230000000003.md'
 *
 * Answers 200 with the Post, 400 with `{ error: { code, message } }` for
 * input emnews rejects (invalid UTF-8, too large), 405 for other methods.
 * Typed with `@types/aws-lambda` (a dev dependency: types only).
 *
 * Bundle it the way Lambda users do, into one ESM file for the Node.js 20
 * runtime (or 22), and upload the zip with handler `index.handler`:
 *
 *   npx esbuild aws-lambda.ts --bundle --platform=node --target=node20 --format=esm --outfile=dist/index.mjs \
 *     --banner:js="import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);"
 *   cd dist && zip function.zip index.mjs
 *
 * The banner matters: for Node.js, the `yaml` package (an emnews dependency)
 * resolves to its CommonJS build, which calls `require('process')`, and an
 * ESM bundle has no `require` of its own. Without it the function fails at
 * start with `Dynamic require of "process" is not supported` (esbuild issue
 * #1921). AWS SAM and CDK bundle with esbuild too: give them the same banner.
 *
 * `test/aws-examples.test.ts` bundles it exactly so, calls the bundled handler
 * with API Gateway events, and prints its cold start beside
 * `import('emnews')`.
 */

import type { APIGatewayProxyHandlerV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { parsePost, PostParseError } from 'emnews';

/** Lambda's synchronous payload limit is 6 MB; a post is a few KB. */
const MAX_BYTES = 5 * 1024 * 1024;

export const handler: APIGatewayProxyHandlerV2 = async (event) => {
  if (event.requestContext.http.method !== 'POST') {
    return json(405, { error: { code: 'method-not-allowed', message: 'POST the post text' } });
  }
  const body = event.body ?? '';
  // API Gateway base64-encodes bodies whose content type is not text; emnews decodes the bytes as UTF-8.
  const input = event.isBase64Encoded ? Buffer.from(body, 'base64') : body;
  const fileName = event.queryStringParameters?.['fileName'];
  try {
    return json(200, parsePost(input, { maxInputBytes: MAX_BYTES, ...(fileName ? { fileName } : {}) }));
  } catch (error) {
    if (error instanceof PostParseError) return json(400, { error: { code: error.code, message: error.message } });
    throw error;
  }
};

function json(statusCode: number, value: unknown): APIGatewayProxyStructuredResultV2 {
  return { statusCode, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(value) };
}
