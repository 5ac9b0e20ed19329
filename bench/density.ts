/**
 * Markup density of a set of posts, per KB of UTF-8: start tags, attributes
 * and entity links (`data-code`), counted with htmlparser2's `Tokenizer`.
 * `npm run bench` prints it for the corpus and the generated posts, so the
 * claim that generated posts have the corpus's density can be checked.
 */

import { Tokenizer } from 'htmlparser2';

export interface Density {
  tags: number;
  attributes: number;
  entityLinks: number;
}

export function density(posts: readonly string[]): Density {
  let tags = 0;
  let attributes = 0;
  let entityLinks = 0;
  let bytes = 0;
  for (const post of posts) {
    bytes += Buffer.byteLength(post);
    let isDataCode = false;
    const none = (): void => {};
    const tokenizer = new Tokenizer(
      { decodeEntities: true },
      {
        onopentagname: () => tags++,
        onattribname: (start, end) => {
          attributes++;
          isDataCode = post.slice(start, end).toLowerCase() === 'data-code';
        },
        onattribend: () => {
          if (isDataCode) entityLinks++;
        },
        onattribdata: none,
        onattribentity: none,
        onopentagend: none,
        onselfclosingtag: none,
        onclosetag: none,
        oncomment: none,
        oncdata: none,
        ondeclaration: none,
        onprocessinginstruction: none,
        onend: none,
        ontext: none,
        ontextentity: none,
      },
    );
    tokenizer.write(post);
    tokenizer.end();
  }
  const kb = bytes / 1000;
  return { tags: tags / kb, attributes: attributes / kb, entityLinks: entityLinks / kb };
}

export function formatDensity(d: Density): string {
  return `${d.tags.toFixed(1)} tags, ${d.attributes.toFixed(1)} attributes, ${d.entityLinks.toFixed(2)} entity links per KB`;
}
