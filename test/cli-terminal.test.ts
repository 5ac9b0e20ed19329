/**
 * The command on a terminal, through script(1)'s pseudo-terminal: the
 * progress line (on stderr only, cleared before every message, with posts/s
 * and an ETA) and the usage shown instead of waiting on the keyboard.
 */

import { deepStrictEqual, match, ok, strictEqual } from 'node:assert/strict';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cli, hasCommand, inTerminal, lines, posts, ROLLING, run, sh, tempDir } from './cli-fixtures.ts';

const CLEAR = '\r\x1b[2K';
const node = `${sh(process.execPath)} ${sh(cli)}`;
const skip = !hasCommand('script', ['--version']) && 'needs script(1) for a pseudo-terminal';

describe('the command on a terminal', { skip }, () => {
  const dir = tempDir('terminal');
  for (let i = 0; i < 40; i++) copyFileSync(join(posts, ROLLING), join(dir, `p-${String(i).padStart(2, '0')}.md`));
  writeFileSync(join(dir, 'p-20-bad.md'), Buffer.from([0xff]));

  it('shows progress with posts/s and an ETA on stderr only, and clears it before each message', () => {
    const out = join(tempDir('out'), 'posts.jsonl');
    const result = inTerminal(`${node} --jobs 1 ${sh(dir)} > ${sh(out)}`, { EMNEWS_PROGRESS_DELAY_MS: '0' });
    strictEqual(result.status, 1, result.stdout);
    // stdout holds JSONL only: every line parses, one per input.
    strictEqual(lines(readFileSync(out, 'utf8')).length, 41);
    const screen = result.stdout.replaceAll('\r\n', '\n'); // the terminal's newline translation
    const progress = [...screen.matchAll(/emnews: (\d+) of 41 posts · \d+ posts\/s · ETA \d+:\d\d · \d+ with warnings · (\d+) failed/g)];
    ok(progress.length > 0, JSON.stringify(screen));
    // Each progress line is drawn from column 0 of a cleared line.
    for (const shown of progress) strictEqual(screen.slice(shown.index - CLEAR.length, shown.index), CLEAR);
    // The failure message starts on a cleared line too, never glued to a progress line.
    const message = `emnews: ${join(dir, 'p-20-bad.md')}: invalid-utf8:`;
    const at = screen.indexOf(message);
    ok(at > 0, JSON.stringify(screen));
    strictEqual(screen.slice(at - CLEAR.length, at), CLEAR);
    // The run ends with a cleared line and a summary.
    match(screen, /\r\x1b\[2Kemnews: 41 posts in \d+\.\d s · 40 with warnings · 1 failed\n$/);
  });

  it('shows no progress when stdout is the same terminal, or when stderr is not a terminal', () => {
    const both = inTerminal(`${node} --jobs 1 ${sh(dir)}`, { EMNEWS_PROGRESS_DELAY_MS: '0' });
    strictEqual(both.status, 1);
    ok(!both.stdout.includes('posts/s'));
    ok(!both.stdout.includes(CLEAR));
    const piped = run([dir], { env: { EMNEWS_PROGRESS_DELAY_MS: '0' } });
    strictEqual(piped.stderr, `emnews: ${join(dir, 'p-20-bad.md')}: invalid-utf8: input is not valid UTF-8 at byte 0 (line 1, column 1)\n`);
  });

  it('--no-progress turns it off', () => {
    const out = join(tempDir('out'), 'posts.jsonl');
    const result = inTerminal(`${node} --no-progress ${sh(dir)} > ${sh(out)}`, { EMNEWS_PROGRESS_DELAY_MS: '0' });
    ok(!result.stdout.includes('posts/s'));
    strictEqual(result.stdout.replaceAll('\r\n', '\n'), `emnews: ${join(dir, 'p-20-bad.md')}: invalid-utf8: input is not valid UTF-8 at byte 0 (line 1, column 1)\n`);
  });

  it('with no path and the keyboard as input, shows the usage and exits 2 instead of waiting', () => {
    const result = inTerminal(node);
    strictEqual(result.status, 2);
    deepStrictEqual(result.stdout.replaceAll('\r\n', '\n').split('\n').slice(0, 2), [
      'Usage: emnews [options] [paths...]',
      'Parses eastmoney news posts: give files or folders, or pipe a post in.',
    ]);
  });
});
