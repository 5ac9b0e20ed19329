/**
 * The cases `npm run test:browser` runs twice: in Node.js and, bundled, in
 * headless Chromium. Both sides call `runCases` with the same JSON cases and
 * the same code; the test then requires the two outputs to be equal. Plain
 * JSON in, plain JSON out, so the cases cross into the page and back
 * unchanged (JSON escapes lone surrogates).
 */

import type { Body, Post } from 'emnews';

/** What a case feeds the library. */
export type Case =
  | { id: string; call: 'parsePost'; text: string; asBytes?: boolean; options?: Record<string, unknown> }
  | { id: string; call: 'parseBody'; text: string; options?: Record<string, unknown> }
  | { id: string; call: 'parsePostBytes'; bytes: number[]; options?: Record<string, unknown> }
  /** A parse result broken on purpose: the invariants must report it, the same way on both sides. */
  | { id: string; call: 'broken'; text: string; breakage: Breakage };

export type Breakage = 'negative-zero' | 'undefined-field' | 'mention-past-text' | 'control-character' | 'date-object' | 'relative-url';

/** What a case gave: the result with its broken invariants, or the error thrown. */
export type Outcome =
  | { id: string; result: unknown; problems: string[] }
  | { id: string; error: { name: string; code: string; line: number | null; column: number | null; message: string } }
  | { id: string; crash: string };

/** The library and the invariants, as each side imports them. */
export interface Subject {
  parsePost(input: string | Uint8Array, options?: object): Post;
  parseBody(html: string, options?: object): Body;
  PostParseError: abstract new (...args: never[]) => Error & { code: string; line?: number | null | undefined; column?: number | null | undefined };
  invariantProblems(result: Post | Body): string[];
}

function breakResult(post: Post, breakage: Breakage): Post {
  const broken = post as unknown as Record<string, unknown> & Post;
  switch (breakage) {
    case 'negative-zero':
      (broken.images[0] ?? ({} as { width: number })).width = -0;
      broken.images.push({ src: 'https://example.com/a.png', alt: null, caption: null, width: -0, height: null, originalSrc: null, position: 0 });
      break;
    case 'undefined-field':
      broken['extra'] = undefined;
      break;
    case 'mention-past-text':
      broken.paragraphs[0]?.mentions.push({ entityIndex: 0, ...broken.paragraphs[0].mentions[0], start: 0, end: 1e6 });
      break;
    case 'control-character':
      broken.title = `a\u0007b`;
      break;
    case 'date-object':
      broken['when'] = new Date(0);
      break;
    case 'relative-url':
      broken.links.push({ text: 'x', href: '../x', kind: 'article' });
      break;
  }
  return broken;
}

/** Runs every case against `subject`; never throws. */
export function runCases(subject: Subject, cases: readonly Case[]): Outcome[] {
  return cases.map((c): Outcome => {
    try {
      let result: Post | Body;
      if (c.call === 'parseBody') result = subject.parseBody(c.text, c.options);
      else if (c.call === 'parsePostBytes') result = subject.parsePost(new Uint8Array(c.bytes), c.options);
      else if (c.call === 'broken') result = breakResult(subject.parsePost(c.text), c.breakage);
      else result = subject.parsePost(c.asBytes ? new TextEncoder().encode(c.text) : c.text, c.options);
      const problems = subject.invariantProblems(result);
      return { id: c.id, result: JSON.parse(JSON.stringify(result)), problems };
    } catch (error) {
      if (error instanceof subject.PostParseError) {
        const { name, code, line, column, message } = error;
        return { id: c.id, error: { name, code, line: line ?? null, column: column ?? null, message } };
      }
      return { id: c.id, crash: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    }
  });
}
