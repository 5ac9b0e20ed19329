/**
 * The command when inputs go wrong, as a user meets it: real files, real
 * permissions, links, FIFOs, huge inputs, hostile names, a folder that
 * vanishes mid-run. Each problem is reported in the stream and on stderr,
 * the rest is still read, and the exit status is 1.
 */

import { spawn, spawnSync } from 'node:child_process';
import { deepStrictEqual, match, ok, strictEqual } from 'node:assert/strict';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cli, expected, hasCommand, lines, posts, ROLLING, run, sh, tempDir, WARNED } from './cli-fixtures.ts';

const good = join(posts, ROLLING);
const codes = (stdout: string): [string, string][] =>
  lines(stdout).map((line) => [line['file'] as string, (line as { error?: { code: string } }).error?.code ?? 'post']);

describe('the command on inputs that give no post', () => {
  const dir = tempDir('failures');
  copyFileSync(good, join(dir, 'a-good.md'));
  writeFileSync(join(dir, 'b-bad.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0x0a]));
  spawnSync('mkfifo', [join(dir, 'c-fifo.md')]);
  symlinkSync(join(dir, 'nowhere.md'), join(dir, 'd-dangling.md'));
  symlinkSync('e-loop2.md', join(dir, 'e-loop1.md'));
  symlinkSync('e-loop1.md', join(dir, 'e-loop2.md'));
  writeFileSync(join(dir, 'f-huge.md'), '');
  truncateSync(join(dir, 'f-huge.md'), 1024 ** 3); // 1 GiB, sparse: only its size is real
  mkdirSync(join(dir, 'sub'));
  copyFileSync(join(posts, WARNED), join(dir, 'sub', WARNED));
  symlinkSync(join(dir, 'a-good.md'), join(dir, 'sub', 'link.md'));
  symlinkSync(dir, join(dir, 'sub', 'up')); // a link to a folder above: a loop
  writeFileSync(join(dir, 'sub', 'ignored.txt'), 'not a post');
  const missing = join(dir, 'missing.md');

  it('reports each in the stream and on stderr, in order, keeps going, and exits 1', { skip: !hasCommand('mkfifo') && 'needs mkfifo' }, () => {
    const result = run([dir, missing, good]);
    strictEqual(result.status, 1);
    deepStrictEqual(codes(result.stdout), [
      [join(dir, 'a-good.md'), 'post'],
      [join(dir, 'b-bad.md'), 'invalid-utf8'],
      [join(dir, 'c-fifo.md'), 'not-a-file'],
      [join(dir, 'd-dangling.md'), 'dangling-link'],
      [join(dir, 'e-loop1.md'), 'symlink-loop'],
      [join(dir, 'e-loop2.md'), 'symlink-loop'],
      [join(dir, 'f-huge.md'), 'input-too-large'],
      [join(dir, 'sub', WARNED), 'post'],
      [join(dir, 'sub', 'link.md'), 'post'],
      [join(dir, 'sub', 'up'), 'symlink-loop'],
      [missing, 'missing'],
      [good, 'post'],
    ]);
    const failures = lines(result.stdout).filter((line) => 'error' in line) as { file: string; error: { code: string; message: string } }[];
    deepStrictEqual(
      result.stderr.trimEnd().split('\n'),
      failures.map(({ file, error }) => `emnews: ${file}: ${error.code}: ${error.message}`),
    );
    // Errors are plain data with a position when parsing gave one.
    deepStrictEqual(failures[0]!.error, { code: 'invalid-utf8', message: 'input is not valid UTF-8 at byte 4 (line 2, column 1)', line: 2, column: 1 });
    deepStrictEqual((lines(result.stdout)[0] as { post: unknown }).post, expected(join(dir, 'a-good.md')));
  });

  it('says so when a folder holds no post, and exits 0', () => {
    const empty = tempDir('empty');
    writeFileSync(join(empty, 'notes.txt'), 'no posts here');
    const result = run([empty]);
    strictEqual(result.status, 0);
    strictEqual(result.stdout, '');
    strictEqual(result.stderr, `emnews: ${empty}: no *.md files in this folder\n`);
  });

  it('checks the size before reading: a 1 GiB file costs a stat, not 1 GiB of memory', { skip: !hasCommand('/usr/bin/time', ['-f', '%M', 'true']) && 'needs GNU time' }, () => {
    const result = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, cli, join(dir, 'f-huge.md')], { encoding: 'utf8' });
    strictEqual(result.status, 1);
    deepStrictEqual(codes(result.stdout), [[join(dir, 'f-huge.md'), 'input-too-large']]);
    const maxRssKb = Number(result.stderr.trimEnd().split('\n').at(-1));
    ok(maxRssKb < 200 * 1024, `max RSS ${maxRssKb} KB`);
  });

  it('stops reading standard input at the limit: 512 MiB piped in costs the limit', { skip: !hasCommand('/usr/bin/time', ['-f', '%M', 'true']) && 'needs GNU time' }, () => {
    const shell = `head -c ${512 * 1024 ** 2} /dev/zero | /usr/bin/time -f %M ${sh(process.execPath)} ${sh(cli)} --max-input-bytes 1M`;
    const result = spawnSync('sh', ['-c', shell], { encoding: 'utf8' });
    strictEqual(result.status, 1, result.stderr);
    deepStrictEqual(JSON.parse(result.stdout), {
      file: '-',
      error: { code: 'input-too-large', message: 'the input is over 3145731 bytes, too large to hold at most 1048576 bytes of text; reading stopped there', line: null, column: null },
    });
    const maxRssKb = Number(result.stderr.trimEnd().split('\n').at(-1));
    ok(maxRssKb < 200 * 1024, `max RSS ${maxRssKb} KB`);
  });

  it('refuses a file redirected to standard input by its size, without reading it', () => {
    const result = spawnSync('sh', ['-c', `${sh(process.execPath)} ${sh(cli)} < ${sh(join(dir, 'f-huge.md'))}`], { encoding: 'utf8' });
    strictEqual(result.status, 1);
    match(result.stdout, /"code":"input-too-large","message":"the file is 1073741824 bytes, too large to hold at most 10485760 bytes of text; not read"/);
  });

  it('escapes control characters in every name it prints, on stderr and in text output', () => {
    const hostile = tempDir('names');
    const name = 'x\x1b]0;pwned\x07\x1b[2J\nemnews: forged.md: ok\r\u202egpj.md';
    writeFileSync(join(hostile, name), Buffer.from([0xff]));
    copyFileSync(good, join(hostile, `${name}2.md`));
    const escaped = 'x\\x1b]0;pwned\\x07\\x1b[2J\\nemnews: forged.md: ok\\r\\u202egpj.md';
    const result = run(['--format', 'text', '--fail-on-warning', hostile]);
    strictEqual(result.status, 1);
    const stderr = result.stderr.split('\n');
    strictEqual(stderr[0], `emnews: ${hostile}/${escaped}: invalid-utf8: input is not valid UTF-8 at byte 0 (line 1, column 1)`);
    ok(stderr[1]!.startsWith(`emnews: ${hostile}/${escaped}2.md: warning invalid-file-name: `), stderr[1]);
    deepStrictEqual(stderr.slice(2), ['']);
    ok(result.stdout.includes(`==> ${hostile}/${escaped} <==\nerror invalid-utf8:`));
    ok(result.stdout.includes(`==> ${hostile}/${escaped}2.md <==\n# `));
    ok(!/[\x00-\x08\x0b-\x1f\x7f\u202e]/.test(result.stdout + result.stderr));
    // JSON output keeps the name exact (JSON escapes it already).
    deepStrictEqual(lines(run([hostile]).stdout).map((line) => line['file']), [join(hostile, name), join(hostile, `${name}2.md`)]);
  });

  it('reports a folder it cannot open (EACCES) in the stream and on stderr, and reads the rest', { skip: !canDropRoot() && 'needs setpriv to drop root\'s file capabilities' }, () => {
    const locked = tempDir('locked');
    mkdirSync(join(locked, 'a-open'));
    mkdirSync(join(locked, 'b-closed'));
    mkdirSync(join(locked, 'c-open'));
    copyFileSync(good, join(locked, 'a-open', 'x.md'));
    copyFileSync(good, join(locked, 'b-closed', 'x.md'));
    copyFileSync(good, join(locked, 'c-open', 'x.md'));
    copyFileSync(good, join(locked, 'd-closed.md'));
    chmodSync(join(locked, 'b-closed'), 0o000);
    chmodSync(join(locked, 'd-closed.md'), 0o000);
    try {
      for (const jobs of ['1', '2']) {
        const result = asUnprivileged([cli, '--jobs', jobs, locked]);
        strictEqual(result.status, 1, result.stderr);
        deepStrictEqual(codes(result.stdout), [
          [join(locked, 'a-open', 'x.md'), 'post'],
          [join(locked, 'b-closed'), 'unreadable-folder'],
          [join(locked, 'c-open', 'x.md'), 'post'],
          [join(locked, 'd-closed.md'), 'unreadable'],
        ]);
        strictEqual(
          result.stderr,
          `emnews: ${join(locked, 'b-closed')}: unreadable-folder: cannot open the folder: permission denied (EACCES); its posts were not read\n` +
            `emnews: ${join(locked, 'd-closed.md')}: unreadable: cannot open it: permission denied (EACCES)\n`,
        );
      }
    } finally {
      chmodSync(join(locked, 'b-closed'), 0o755);
    }
  });

  it('reports a folder that vanishes mid-run, and reads the rest', async () => {
    const archive = tempDir('vanish');
    // Enough output to fill the pipe, so the command waits on us before it reaches z/.
    for (let i = 0; i < 300; i++) copyFileSync(good, join(archive, `a-${String(i).padStart(3, '0')}.md`));
    mkdirSync(join(archive, 'z'));
    copyFileSync(good, join(archive, 'z', 'gone.md'));
    copyFileSync(good, join(archive, 'zz.md'));
    for (const jobs of ['1', '2']) {
      const child = spawn(process.execPath, [cli, '--jobs', jobs, archive], { stdio: ['ignore', 'pipe', 'pipe'] });
      const chunks: Buffer[] = [];
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      // Take the first chunk, then stop reading until z/ is gone.
      const first = await new Promise<Buffer>((resolve) => child.stdout.once('data', resolve));
      child.stdout.pause();
      chunks.push(first);
      await new Promise((resolve) => setTimeout(resolve, 300));
      rmSync(join(archive, 'z'), { recursive: true });
      child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
      child.stdout.resume();
      const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
      const out = codes(Buffer.concat(chunks).toString('utf8'));
      strictEqual(status, 1, stderr);
      strictEqual(out.length, 302);
      deepStrictEqual(out.slice(-2), [
        [join(archive, 'z'), 'vanished'],
        [join(archive, 'zz.md'), 'post'],
      ]);
      strictEqual(stderr, `emnews: ${join(archive, 'z')}: vanished: the folder was gone when it was read; its posts were not read\n`);
      mkdirSync(join(archive, 'z'));
      copyFileSync(good, join(archive, 'z', 'gone.md'));
    }
  });

  it('an internal error (a bug met on one post) is reported for that post, the run goes on, and the exit status is 3', () => {
    const archive = tempDir('internal');
    copyFileSync(good, join(archive, 'a.md'));
    // The words the preload (test/cli-fault-preload.mjs) breaks on, in a paragraph.
    writeFileSync(join(archive, 'b-fault.md'), `${readFileSync(good, 'utf8')}\n<p>故障注入</p>\n`);
    copyFileSync(good, join(archive, 'c.md'));
    for (const files of [[archive], ['a.md', 'b-fault.md', 'c.md'].map((name) => join(archive, name))]) {
      const result = run(files, { env: { NODE_OPTIONS: `--import=${new URL('./cli-fault-preload.mjs', import.meta.url).href}` } });
      strictEqual(result.status, 3, result.stderr);
      deepStrictEqual(codes(result.stdout), [[join(archive, 'a.md'), 'post'], [join(archive, 'b-fault.md'), 'internal-error'], [join(archive, 'c.md'), 'post']]);
      const [failure] = lines(result.stdout).filter((line) => 'error' in line) as { error: { message: string } }[];
      match(failure!.error.message, /a fault injected by the test/);
      deepStrictEqual(result.stderr.trimEnd().split('\n'), [`emnews: ${join(archive, 'b-fault.md')}: internal-error: ${failure!.error.message}`]);
    }
    // Without the fault, the same run is clean.
    strictEqual(run([archive]).status, 0);
  });

  it('ends quietly when the reader closes the pipe (emnews folder | head -1)', () => {
    const archive = tempDir('pipe');
    for (let i = 0; i < 200; i++) copyFileSync(good, join(archive, `p-${i}.md`));
    const shell = `${sh(process.execPath)} ${sh(cli)} ${sh(archive)} | head -c 100 > /dev/null; echo "\${PIPESTATUS[0]}"`;
    const result = spawnSync('bash', ['-c', shell], { encoding: 'utf8' });
    strictEqual(result.stdout, '0\n');
    strictEqual(result.stderr, '');
  });
});

/** Whether this process can run a child without root's power to read any file. */
function canDropRoot(): boolean {
  return process.getuid?.() !== 0 || hasCommand('setpriv', ['--version']);
}

/**
 * Runs node with `args` so that file permissions apply: as root, through
 * setpriv without the capabilities that bypass them (CAP_DAC_OVERRIDE,
 * CAP_DAC_READ_SEARCH), so the kernel refuses with EACCES as it would for
 * any user; otherwise directly.
 */
function asUnprivileged(args: string[]) {
  if (process.getuid?.() !== 0) return spawnSync(process.execPath, args, { encoding: 'utf8' });
  const caps = '-dac_override,-dac_read_search';
  return spawnSync('setpriv', [`--inh-caps=${caps}`, `--bounding-set=${caps}`, process.execPath, ...args], { encoding: 'utf8' });
}
