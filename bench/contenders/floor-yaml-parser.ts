/**
 * The naive minimum, `yaml.parse + Parser`: what the simplest program on
 * our dependencies does. The same split as the limit, `yaml.parse` of the
 * front matter block, then one htmlparser2 `Parser` pass (entities decoded)
 * over the rest, with callbacks that count tags and text.
 */

import { Parser } from 'htmlparser2';
import { parse } from 'yaml';
import { splitFrontMatter, text } from './split.ts';

export function run(input: string | Uint8Array): unknown {
  const post = text(input);
  const split = splitFrontMatter(post);
  const data: unknown = split === null ? null : parse(post.slice(split[0], split[1]));
  let count = 0;
  const parser = new Parser(
    {
      onopentag(): void {
        count++;
      },
      ontext(data: string): void {
        count += data.length;
      },
      onclosetag(): void {
        count++;
      },
    },
    { decodeEntities: true },
  );
  parser.end(split === null ? post : post.slice(split[2]));
  return [data, count];
}
