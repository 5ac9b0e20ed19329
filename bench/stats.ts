/** Medians, spreads and their printing, shared by the benchmark scripts. */

export interface Summary {
  median: number;
  min: number;
  max: number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function summarize(values: readonly number[]): Summary {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

/** A time given in microseconds, in µs or ms with three significant digits or so. */
export function time(us: number): string {
  if (us >= 10_000) return `${(us / 1000).toFixed(1)} ms`;
  if (us >= 1_000) return `${(us / 1000).toFixed(2)} ms`;
  return `${us.toFixed(us < 10 ? 2 : us < 100 ? 1 : 0)} µs`;
}

/** `median [min–max]` with `format` for each number. */
export function spread(summary: Summary, format: (value: number) => string): string {
  return `${format(summary.median)} [${format(summary.min)}–${format(summary.max)}]`;
}

export function ratio(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

/** A Markdown table row. */
export function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** A Markdown table header: the first column left-aligned, the others right. */
export function header(cells: readonly string[]): string {
  return `${row(cells)}\n|${cells.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`;
}
