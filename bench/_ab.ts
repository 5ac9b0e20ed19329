import { parsePost } from 'emnews';
import { Parser } from 'htmlparser2';
import { parse as parseYaml } from 'yaml';
import { generatedPost, corpusPosts } from './posts.ts';
const FRONT = /^---\n([\s\S]*?)\n---\n/;
const floor = (text: string) => { const m = FRONT.exec(text); const d = m ? parseYaml(m[1]!) : null; new Parser({}, { decodeEntities: true }).end(m ? text.slice(m[0].length) : text); return d; };
const em = (t: string) => parsePost(t, { maxInputBytes: 1e8 });
const sets: [string, string[]][] = [['corpus', corpusPosts()], ['10KB', [generatedPost(10_000)]], ['1MB', [generatedPost(1_000_000)]]];
const med = (a: number[]) => a.sort((x, y) => x - y)[a.length >> 1]!;
for (const [name, posts] of sets) {
  const reps = Math.max(1, Math.round(3e6 / posts.reduce((n, p) => n + p.length, 0)));
  const f: number[] = [], e: number[] = [];
  for (let r = 0; r < 25; r++) {
    for (const [fn, out] of [[floor, f], [em, e]] as const) {
      const t = performance.now(); for (let i = 0; i < reps; i++) for (const p of posts) fn(p); out.push((performance.now() - t) / reps / posts.length * 1000);
    }
  }
  console.log(name, 'floor', med(f).toFixed(1), 'emnews', med(e).toFixed(1), 'ratio', (med(e) / med(f)).toFixed(2));
}
