/**
 * A Cloudflare Worker: POST a post's text, get its JSON back. Answers 200
 * with the Post, 400 with `{ error: { code, message } }` for input emnews
 * rejects, 405 for other methods.
 *
 * Deploy it from a folder holding this file and `wrangler.toml` (beside it
 * here):
 *
 *   npm install emnews wrangler      # on Node.js 20: wrangler@4.86.0, the last release for it
 *   npx wrangler deploy
 *   curl --data-binary @post.md 'https://emnews-parse.<your-subdomain>.workers.dev/?fileName=2022-05-23-202205230000000003.md'
 *
 * emnews uses no Node.js built-ins, so no compatibility flags are needed.
 * `npm run test:runtimes` deploys it that way as a dry run (wrangler builds
 * the upload offline), checks the bundle and runs it in workerd,
 * Cloudflare's runtime, through miniflare.
 */

import { parsePost, PostParseError } from 'emnews';

export default {
  async fetch(request: Request): Promise<Response> {
    if (request.method !== 'POST') {
      return Response.json({ error: { code: 'method-not-allowed', message: 'POST the post text' } }, { status: 405 });
    }
    const fileName = new URL(request.url).searchParams.get('fileName');
    try {
      const bytes = new Uint8Array(await request.arrayBuffer());
      const post = parsePost(bytes, { maxInputBytes: 5 * 1024 * 1024, ...(fileName ? { fileName } : {}) });
      return Response.json(post);
    } catch (error) {
      if (error instanceof PostParseError) {
        return Response.json({ error: { code: error.code, message: error.message } }, { status: 400 });
      }
      throw error;
    }
  },
};
