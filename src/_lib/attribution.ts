import type { Source } from '../types.js';

const OPEN = new Set(['（', '(']);
const CLOSE = new Set(['）', ')']);
const LABEL = /^(?:文章)?来源\s*[：:]/;
// A digest's trailing outlet: `…任务目标。（中国新闻网）`, or in ASCII
// parentheses, `…目标。(央视新闻)`. Each try is bounded (24 characters): linear.
const TRAILING_OUTLET = /[。！？!?”」』…）)]([（(])([^（）()：:，,。\n]{1,24})([）)])$/;

/** Reads `（文章来源：中国新闻网）` into a source; `null` for empty text. */
export function readAttribution(text: string): Source | null {
  if (text === '') return null;
  let inner = text;
  if (OPEN.has(inner.charAt(0)) && CLOSE.has(inner.charAt(inner.length - 1))) inner = inner.slice(1, -1).trim();
  const label = LABEL.exec(inner);
  const name = label ? inner.slice(label[0].length).trim() : inner;
  return { name: name || inner, text, from: 'body' };
}

/** The outlet in trailing brackets (full-width or ASCII) at the end of a digest, if any; `text` as written. */
export function readTrailingOutlet(text: string): Source | null {
  const match = TRAILING_OUTLET.exec(text);
  if (!match) return null;
  const name = match[2]!.trim();
  return name ? { name, text: `${match[1]}${match[2]}${match[3]}`, from: 'digest' } : null;
}
