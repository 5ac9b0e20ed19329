/**
 * Checks on the repository as committed: what a merge or an editor can leave
 * behind that no other test reads (a conflict marker in a guide turns its
 * next paragraph into a heading and nothing else fails until the docs render).
 */

import { deepStrictEqual } from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

const root = new URL('../', import.meta.url);
const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' })
  .split('\0')
  .filter((file) => file !== '' && !/\.(png|jpe?g|gif|ico|woff2?)$/.test(file));

describe('repository', () => {
  it('holds no merge conflict markers in any tracked text file', () => {
    const marked: string[] = [];
    for (const file of tracked) {
      const text = readFileSync(new URL(file, root), 'utf8');
      const lines = text.split('\n');
      lines.forEach((line, index) => {
        if (/^(<{7}|>{7})( |$)/.test(line) || (line === '=======' && lines.some((l) => l.startsWith('<<<<<<< ')))) {
          marked.push(`${file}:${index + 1}`);
        }
      });
    }
    deepStrictEqual(marked, []);
  });
});
