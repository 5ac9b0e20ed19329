// Run by deno-bun.test.ts under Deno and Bun: reads a post on standard
// input and prints the JSON of parsePost on it, of parseArticle on an
// invented page and of parseNewsList on an invented list response. Imports
// the package by its name, so the runtime resolves it through package.json
// "exports" as a user's would (this package links `emnews` to the
// repository).
import { parseArticle, parseNewsList, parsePost } from 'emnews';
import { LIST, PAGE_FILE, PAGE_URL } from './readers-fixture.ts';

const chunks = [];
for await (const chunk of globalThis.Deno ? globalThis.Deno.stdin.readable : process.stdin) chunks.push(chunk);
const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
let at = 0;
for (const chunk of chunks) {
  bytes.set(chunk, at);
  at += chunk.length;
}
const pageUrl = new URL(PAGE_FILE, import.meta.url);
const page = globalThis.Deno ? await globalThis.Deno.readTextFile(pageUrl) : await globalThis.Bun.file(pageUrl).text();
console.log(
  JSON.stringify({
    post: parsePost(bytes, { fileName: '2022-05-23-202205230000000003.md' }),
    article: parseArticle(page, { url: PAGE_URL }),
    list: parseNewsList(LIST),
  }),
);
