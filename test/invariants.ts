/**
 * Invariants every parse result must satisfy, whatever the input. Shared by
 * the unit tests and the corpus check (`npm run corpus -- <dir>`).
 */

import { deepStrictEqual } from 'node:assert/strict';
import type { Body, Post } from 'emnews';

/** Returns a description of each broken invariant; empty when all hold. */
export function invariantProblems(result: Post | Body): string[] {
  const problems: string[] = [];
  try {
    deepStrictEqual(JSON.parse(JSON.stringify(result)), result);
  } catch {
    problems.push('JSON round trip is lossy');
  }
  const firstLabel = new Map<number, string>();
  result.paragraphs.forEach((paragraph, p) => {
    const { text } = paragraph;
    if (text.trim() === '') problems.push(`paragraph ${p} is empty`);
    let previousEnd = 0;
    for (const m of paragraph.mentions) {
      const where = `paragraph ${p} mention ${m.start}-${m.end}`;
      if (!(m.start >= previousEnd && m.start < m.end && m.end <= text.length)) problems.push(`${where} is out of order or outside the text`);
      previousEnd = m.end;
      const entity = result.entities[m.entity];
      if (entity === undefined) {
        problems.push(`${where} points at missing entity ${m.entity}`);
        continue;
      }
      const slice = text.slice(m.start, m.end);
      if (slice.trim() !== slice || slice === '') problems.push(`${where} slice ${JSON.stringify(slice)} is not a clean label`);
      if (!firstLabel.has(m.entity)) firstLabel.set(m.entity, slice);
    }
    if (paragraph.kind === 'table' && paragraph.rows.map((row) => row.join('\t')).join('\n') !== text) {
      problems.push(`table ${p} rows do not join to its text`);
    }
  });
  result.entities.forEach((entity, e) => {
    const label = firstLabel.get(e);
    if (label !== undefined && entity.label !== label) problems.push(`entity ${e} label ${entity.label} is not its first mention ${label}`);
    const counted = result.paragraphs.reduce((n, p) => n + p.mentions.filter((m) => m.entity === e).length, 0);
    if (counted !== entity.mentions) problems.push(`entity ${e} counts ${entity.mentions} mentions, found ${counted}`);
  });
  for (const image of result.images) {
    if (image.position > result.paragraphs.length) problems.push(`image ${image.src} position is past the last paragraph`);
  }
  return problems;
}
