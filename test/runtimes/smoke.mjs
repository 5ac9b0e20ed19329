// Run by deno-bun.test.ts under Deno and Bun: reads a post on standard
// input, prints the JSON of parsePost. Imports the package by its name, so
// the runtime resolves it through package.json "exports" as a user's would
// (this package links `emnews` to the repository).
import { parsePost } from 'emnews';

const chunks = [];
for await (const chunk of globalThis.Deno ? globalThis.Deno.stdin.readable : process.stdin) chunks.push(chunk);
const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
let at = 0;
for (const chunk of chunks) {
  bytes.set(chunk, at);
  at += chunk.length;
}
console.log(JSON.stringify(parsePost(bytes, { fileName: '2022-05-23-202205230000000003.md' })));
