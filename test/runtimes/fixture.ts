/**
 * The post every runtime test sends, and what Node.js answers for it: each
 * runtime must give exactly this JSON.
 */

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parsePost } from 'emnews';

/** The repository root. */
export const root: string = fileURLToPath(new URL('../..', import.meta.url));
/** This package's folder, test/runtimes/. */
export const here: string = fileURLToPath(new URL('.', import.meta.url));
/** The rolling-news example post's file name. */
export const NAME = '2022-05-23-202205230000000003.md';
/** Its bytes. */
export const bytes: Buffer = readFileSync(new URL(`../../examples/posts/${NAME}`, import.meta.url));
/** `parsePost` on Node.js, through JSON. */
export const expected: unknown = JSON.parse(JSON.stringify(parsePost(bytes, { fileName: NAME })));
