/**
 * The inputs of `npm run bench`: the real corpus and generated posts, each
 * in two forms, a string (what an API user passes) and bytes (what the
 * `emnews` command reads from a file). Every child process builds the same
 * inputs from the same files, so none are sent between processes.
 */

import { GENERATED_FILE_NAME, corpusFiles, generatedPost } from './posts.ts';

export type Form = 'string' | 'bytes';
export const FORMS: readonly Form[] = ['string', 'bytes'];

export interface InputSet {
  /** `corpus`, `0 KB` (a post with no paragraphs), `1 KB` … `10 MB`. */
  key: string;
  fileNames: string[];
  strings: string[];
  bytes: Uint8Array[];
  /** UTF-8 bytes of all the set's posts. */
  totalBytes: number;
}

/** Generated sizes whose ratios are reported for every contender. */
export const SIZES: readonly number[] = [1_000, 10_000, 100_000, 1_000_000];
/** Sizes timed only for the floors and emnews, for time per byte. */
export const PER_BYTE_SIZES: readonly number[] = [0, 10_000_000];

export function sizeKey(size: number): string {
  return size >= 1_000_000 ? `${size / 1_000_000} MB` : `${size / 1_000} KB`;
}

function set(key: string, fileNames: string[], bytes: Uint8Array[]): InputSet {
  const decoder = new TextDecoder();
  const strings = bytes.map((b) => decoder.decode(b));
  return { key, fileNames, strings, bytes, totalBytes: bytes.reduce((n, b) => n + b.byteLength, 0) };
}

function generated(size: number): InputSet {
  return set(sizeKey(size), [GENERATED_FILE_NAME], [new TextEncoder().encode(generatedPost(size))]);
}

/** The input sets, in printing order; `perByte` adds the 0 KB and 10 MB posts. */
export function inputSets(perByte: boolean): InputSet[] {
  const sets: InputSet[] = [];
  const corpus = corpusFiles();
  if (corpus.length > 0) sets.push(set('corpus', corpus.map((f) => f.fileName), corpus.map((f) => f.bytes)));
  const sizes = perByte ? [...SIZES, ...PER_BYTE_SIZES].sort((a, b) => a - b) : SIZES;
  for (const size of sizes) sets.push(generated(size));
  return sets;
}
