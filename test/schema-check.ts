/**
 * Run by test/schema.test.ts in a child process (ajv compiles validators
 * with `new Function`, which the suite's flag forbids): validates the
 * output of the example posts and of generated hostile posts against the
 * published JSON Schema, `emnews/schema.json`. Prints a count; exits 1 on
 * the first post that does not match.
 */

import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { parsePost, PostParseError } from 'emnews';
import { anyPostText } from './properties.ts';

const schema = JSON.parse(readFileSync(fileURLToPath(import.meta.resolve('emnews/schema.json')), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: true });
const validate = ajv.compile(schema);

let checked = 0;
function check(input: string | Uint8Array, fileName?: string): void {
  let post;
  try {
    post = parsePost(input, fileName === undefined ? {} : { fileName });
  } catch (error) {
    if (error instanceof PostParseError) return;
    throw error;
  }
  if (!validate(JSON.parse(JSON.stringify(post)))) {
    throw new Error(`${JSON.stringify(input).slice(0, 200)}\ndoes not match the schema: ${ajv.errorsText(validate.errors)}`);
  }
  checked++;
}

const posts = new URL('../examples/posts/', import.meta.url);
for (const name of readdirSync(posts).filter((file) => file.endsWith('.md'))) check(readFileSync(new URL(name, posts)), name);
for (const input of fc.sample(anyPostText, { seed: 20261128, numRuns: 2000 })) check(input);

// A schema that accepts anything would pass the above: it must also refuse.
const broken = JSON.parse(JSON.stringify(parsePost('---\ntitle: t\n---\n<p>x</p>\n'))) as Record<string, unknown>;
const entity = { kind: 'stock', market: 0, marketType: 'shenzhen-beijing', exchange: 'SZ', code: '000001', secid: '0.000001', label: '甲', url: 'https://quote.eastmoney.com/unify/r/0.000001', mentionCount: 0 };
if (!validate({ ...broken, entities: [entity] })) throw new Error(`the schema refuses a stock entity: ${ajv.errorsText(validate.errors)}`);
const refused: [string, unknown][] = [
  ['title', 1],
  ['paragraphs', [{ kind: 'poem', text: 'x', mentions: [] }]],
  ['extra', true],
  // The entity union is discriminated: a stock always has a market and a secid; an unresolved one never does.
  ['entities', [{ ...entity, secid: null }]],
  ['entities', [{ ...entity, kind: 'unresolved' }]],
  ['warnings', [{ code: 'empty-title', message: 'x' }]],
];
for (const [field, value] of refused) {
  if (validate({ ...broken, [field]: value })) throw new Error(`the schema accepts ${field}: ${JSON.stringify(value)}`);
}
console.log(`${checked} outputs match emnews/schema.json`);
