/**
 * gray-matter + cheerio's default entry point, which parses HTML with
 * parse5 (the HTML standard's tree builder), doing the job of cheerio-job.ts.
 */

import { load } from 'cheerio';
import { cheerioJob } from './cheerio-job.ts';

export function run(input: string | Uint8Array): unknown {
  return cheerioJob(input, (html) => load(html));
}
