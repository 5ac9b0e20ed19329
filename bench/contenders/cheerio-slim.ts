/**
 * gray-matter + `cheerio/slim`: cheerio's official entry point that parses
 * with htmlparser2 only (no parse5), doing the job of cheerio-job.ts.
 */

import { load } from 'cheerio/slim';
import { cheerioJob } from './cheerio-job.ts';

export function run(input: string | Uint8Array): unknown {
  return cheerioJob(input, (html) => load(html));
}
