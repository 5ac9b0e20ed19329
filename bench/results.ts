/**
 * The results of `npm run bench` as figures per run, and what is derived
 * from them run by run: ratios and the linear model of time against size.
 */

import type { HeapRun } from './heap.ts';
import { SIZES, sizeKey, type InputSet } from './inputs.ts';

/** figures[contender][`<set>|<form>`][run]: ns per pass over the set. */
export type Figures = Map<string, Map<string, number[]>>;

export interface Report {
  figures: Figures;
  sets: InputSet[];
  heap: Record<'string' | 'bytes', HeapRun[]>;
  notices: string[];
}

/**
 * How far a floor's time at any size may stray from its linear model (a
 * fixed cost per call plus a cost per byte) before the run prints a notice;
 * emnews's "flat time per byte" target uses the same factor.
 */
export const SCALING_FACTOR = 1.5;
/** The sizes the linear model is checked at; the model's cost per byte comes from MODEL_KEY. */
export const CHECK_KEYS: readonly string[] = [...SIZES.filter((s) => s < 1_000_000).map(sizeKey), '10 MB'];
export const MODEL_KEY = '1 MB';

/** Per run: `numerator / denominator` on one input. */
export function ratios(report: Report, numerator: string, denominator: string, key: string): number[] {
  const a = report.figures.get(numerator)!.get(key)!;
  const b = report.figures.get(denominator)!.get(key)!;
  return a.map((value, run) => value / b[run]!);
}

export interface Linearity {
  /** ns: the time of the post with no paragraphs (front matter, digest, URL, navigation). */
  fixed: number;
  /** ns per byte beyond that post, from the 1 MB post. */
  perByte: number;
  /** At each of CHECK_KEYS: measured time / (fixed + perByte × extra bytes). */
  deviations: number[];
  /** The largest of `max(d, 1 / d)`: 1 is perfectly linear. */
  worst: number;
  /** ns per byte, fixed cost included, at each of CHECK_KEYS and 1 MB, in size order. */
  raw: number[];
}

/** Per run: the contender's time against size as a linear model, and how well each size fits it. */
export function linearity(report: Report, name: string, form: string): Linearity[] {
  const bytes = (key: string): number => report.sets.find((s) => s.key === key)!.totalBytes;
  const byKey = report.figures.get(name)!;
  const at = (key: string, run: number): number => byKey.get(`${key}|${form}`)![run]!;
  const rawKeys = [...SIZES.map(sizeKey), '10 MB'];
  return byKey.get(`0 KB|${form}`)!.map((fixed, run) => {
    const perByte = (at(MODEL_KEY, run) - fixed) / (bytes(MODEL_KEY) - bytes('0 KB'));
    const deviations = CHECK_KEYS.map((key) => at(key, run) / (fixed + perByte * (bytes(key) - bytes('0 KB'))));
    const worst = Math.max(...deviations.map((d) => Math.max(d, 1 / d)));
    return { fixed, perByte, deviations, worst, raw: rawKeys.map((key) => at(key, run) / bytes(key)) };
  });
}
