/**
 * The `emnews` command, run as a user runs it: the built `dist/cli/main.js`
 * in a child process, on files, folders and standard input. Output shapes,
 * flags and usage errors; failures, terminals and tables have files of
 * their own.
 */

import { deepStrictEqual, match, ok, strictEqual } from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parsePost, type Post } from 'emnews';
import { writeArchive } from '../bench/archive-fixtures.ts';
import { expected, lines, postNames, posts, root, ROLLING, run, tempDir, WARNED } from './cli-fixtures.ts';

describe('the emnews command', () => {
  it('--help prints the usage, the formats, the columns and the exit statuses', () => {
    const result = run(['--help']);
    strictEqual(result.status, 0);
    match(result.stdout, /^Usage: emnews \[options\] \[paths\.\.\.\]/);
    for (const flag of ['--format', '--dedupe', '--jobs', '--strict', '--time-zone', '--base-url', '--max-input-bytes', '--encoding', '--file-name', '--fail-on-warning']) {
      ok(result.stdout.includes(flag), flag);
    }
    match(result.stdout, /csv columns: article_id, date_utc/);
    match(result.stdout, /Exit status: 0 .*; 1 .*; 2 usage error; 3 internal error/s);
  });

  it('--version prints the package version', () => {
    const result = run(['--version']);
    strictEqual(result.status, 0);
    strictEqual(result.stdout, `${JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version}\n`);
  });

  const good = join(posts, ROLLING);
  for (const [name, args, message] of [
    ['an unknown option', ['--bogus'], /^emnews: unknown option --bogus$/m],
    ['a flag without its value', ['--time-zone'], /^emnews: --time-zone needs a value$/m],
    ['a value on a switch', ['--strict=yes', good], /^emnews: --strict takes no value$/m],
    ['an unknown format', ['--format', 'xml', good], /--format must be one of jsonl, json, pretty, text, csv, mentions, not "xml"/],
    ['an unknown time zone', ['--time-zone', 'Mars/Olympus_Mons', good], /--time-zone: unknown time zone "Mars\/Olympus_Mons"/],
    ['a relative base URL', ['--base-url', '../x', good], /--base-url must be an absolute http\(s\) address, not "\.\.\/x"/],
    ['a bad size', ['--max-input-bytes', 'lots', good], /--max-input-bytes must be a size such as 10485760, 512K or 10M, not "lots"/],
    ['zero jobs', ['--jobs', '0', good], /--jobs must be a whole number from 1 to 256, not "0"/],
    ['--file-name without standard input', ['--file-name', 'a.md', good], /--file-name names the post on standard input/],
    ['standard input twice', ['-', '-'], /standard input \(-\) can be read only once/],
  ] as const) {
    it(`exits 2 on ${name}, in the command's words, with a hint`, () => {
      const result = run([...args]);
      strictEqual(result.status, 2, result.stderr);
      strictEqual(result.stdout, '');
      match(result.stderr, message);
      match(result.stderr, /Try 'emnews --help'/);
      // Neither Node's option parser nor the library's option names show through.
      ok(!/ERR_PARSE_ARGS|timeZone|baseUrl|maxInputBytes|fileName/.test(result.stderr), result.stderr);
    });
  }

  it('writes one file as JSONL, the same shape as a folder: {file, post} equal to parsePost', () => {
    const result = run([good]);
    strictEqual(result.status, 0, result.stderr);
    deepStrictEqual(lines(result.stdout), [{ file: good, post: expected(good) }]);
    strictEqual(result.stderr, '');
  });

  it('writes a folder as JSONL, one {file, post} per post in name order', () => {
    const result = run([posts]);
    strictEqual(result.status, 0, result.stderr);
    deepStrictEqual(
      lines(result.stdout),
      postNames.map((name) => ({ file: join(posts, name), post: expected(join(posts, name)) })),
    );
  });

  it('keeps the order of the paths given, files and folders mixed', () => {
    const dir = tempDir('order');
    copyFileSync(good, join(dir, 'z.md'));
    const result = run([join(dir, 'z.md'), posts, join(posts, WARNED)]);
    strictEqual(result.status, 0, result.stderr);
    deepStrictEqual(
      lines(result.stdout).map((line) => line['file']),
      [join(dir, 'z.md'), ...postNames.map((name) => join(posts, name)), join(posts, WARNED)],
    );
  });

  it('--format json writes one array of the same objects, even for one input or none', () => {
    const several = run(['--format', 'json', good, join(posts, WARNED)]);
    strictEqual(several.status, 0, several.stderr);
    deepStrictEqual(JSON.parse(several.stdout), [
      { file: good, post: expected(good) },
      { file: join(posts, WARNED), post: expected(join(posts, WARNED)) },
    ]);
    deepStrictEqual(JSON.parse(run(['--format', 'json', good]).stdout), [{ file: good, post: expected(good) }]);
    const empty = tempDir('empty');
    deepStrictEqual(JSON.parse(run(['--format', 'json', empty]).stdout), []);
  });

  it('--format pretty writes the same objects indented', () => {
    const result = run(['--format', 'pretty', good]);
    strictEqual(result.status, 0, result.stderr);
    strictEqual(result.stdout, `${JSON.stringify({ file: good, post: expected(good) }, null, 2)}\n`);
  });

  it('reads standard input when given no path or -, named - unless --file-name says', () => {
    const bytes = readFileSync(good);
    for (const args of [[], ['-']]) {
      const result = run(args, { input: bytes });
      strictEqual(result.status, 0, result.stderr);
      deepStrictEqual(lines(result.stdout), [{ file: '-', post: JSON.parse(JSON.stringify(parsePost(bytes))) }]);
    }
    // The file name supplies the id and date a post lacks; the NW name marks an other-media copy.
    const bare = readFileSync(good, 'utf8').replace(/^<http.*>$/m, '');
    const named = run(['--file-name', '2022-05-23-NW202205230000000003.md'], { input: bare });
    strictEqual(named.status, 0, named.stderr);
    const [line] = lines(named.stdout) as { file: string; post: Post }[];
    strictEqual(line!.file, '2022-05-23-NW202205230000000003.md');
    deepStrictEqual([line!.post.articleId, line!.post.infoCode], ['202205230000000003', 'NW202205230000000003']);
    deepStrictEqual(line!.post, JSON.parse(JSON.stringify(parsePost(bare, { fileName: '2022-05-23-NW202205230000000003.md' }))));
  });

  it('--format text writes a header, the title, the date line and the paragraphs', () => {
    const post = expected(good);
    const result = run(['--format', 'text', good]);
    strictEqual(result.status, 0, result.stderr);
    const text = result.stdout.split('\n');
    strictEqual(text[0], `==> ${good} <==`);
    strictEqual(text[1], `# ${post.title}`);
    strictEqual(text[2], [post.date?.iso, post.source?.name, post.url?.href].join(' · '));
    deepStrictEqual(
      text.slice(3).filter((line) => line !== ''),
      post.paragraphs.map((p) => p.text).join('\n').split('\n'),
    );
  });

  it('--time-zone, --base-url, --max-input-bytes and --strict reach parsePost', () => {
    const file = join(posts, WARNED);
    const result = run(['--time-zone', 'UTC', '--base-url', 'https://finews.example.com/2021/12/', file]);
    strictEqual(result.status, 0, result.stderr);
    const post = (lines(result.stdout)[0] as { post: Post }).post;
    strictEqual(post.date?.offset, '+00:00');
    deepStrictEqual(post.links.map((link) => link.href), ['https://finews.example.com/2021/emnews/', 'https://finews.example.com/2021/']);

    const size = readFileSync(file).length;
    strictEqual(run(['--max-input-bytes', String(size), file]).status, 0);
    const small = run(['--max-input-bytes', String(size - 1), file]);
    strictEqual(small.status, 1);
    strictEqual((lines(small.stdout)[0] as { error: { code: string } }).error.code, 'input-too-large');
    strictEqual(run(['--max-input-bytes', '2K', good]).status, 1);
    strictEqual(run(['--max-input-bytes', '3K', good]).status, 0);

    // The limit counts the text, as parsePost does: the same post as UTF-16 (twice the bytes) passes the same limit.
    const dir = tempDir('utf16');
    const utf16 = join(dir, WARNED);
    const text = readFileSync(file, 'utf8');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    strictEqual(run(['--max-input-bytes', String(size), utf16]).status, 0);
    deepStrictEqual((lines(run(['--max-input-bytes', String(size), utf16]).stdout)[0] as { post: Post }).post, expected(file));
    strictEqual((lines(run(['--max-input-bytes', String(size - 1), utf16]).stdout)[0] as { error: { code: string } }).error.code, 'input-too-large');

    const strict = run(['--strict', file]);
    strictEqual(strict.status, 1);
    deepStrictEqual(lines(strict.stdout).map((line) => (line as { error: { code: string } }).error.code), ['relative-url']);
    match(strict.stderr, /: relative-url: dropped the navigation address "\.\.\/emnews\/"/);
  });

  it('--encoding reads posts in another encoding; an unknown label is a usage error', () => {
    const latin = join(tempDir('encoding'), 'latin1.md');
    writeFileSync(latin, Buffer.from('---\ntitle: caf\xe9\n---\n<p>x</p>\n', 'latin1'));
    const result = run(['--encoding', 'windows-1252', latin]);
    strictEqual(result.status, 0, result.stderr);
    strictEqual((lines(result.stdout)[0] as { post: Post }).post.title, 'café');
    strictEqual((lines(run([latin]).stdout)[0] as { error: { code: string } }).error.code, 'invalid-utf8');
    const bad = run(['--encoding', 'klingon', latin]);
    strictEqual(bad.status, 2);
    match(bad.stderr, /--encoding: this Node\.js cannot decode "klingon"/);
  });

  it('--fail-on-warning lists the warnings and exits 1; without it warnings stay in the output', () => {
    const file = join(posts, WARNED);
    const plain = run([file]);
    strictEqual(plain.status, 0);
    strictEqual(((lines(plain.stdout)[0] as { post: Post }).post).warnings.length, 2);
    const failing = run(['--fail-on-warning', file]);
    strictEqual(failing.status, 1);
    const stderr = failing.stderr.trimEnd().split('\n');
    strictEqual(stderr.length, 2);
    for (const line of stderr) match(line, new RegExp(`^emnews: ${file}:\\d+:\\d+: warning relative-url: `));
  });

  it('gives identical bytes with --jobs 1 and --jobs 3 on a mixed folder, in every format', () => {
    const dir = tempDir('jobs');
    writeArchive(dir, 60);
    writeFileSync(join(dir, '_posts', '2022-05-09-bad.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0x0a]));
    mkdirSync(join(dir, '_posts', 'deeper'));
    copyFileSync(join(posts, WARNED), join(dir, '_posts', 'deeper', WARNED));
    for (const args of [[], ['--format', 'csv'], ['--format', 'mentions'], ['--format', 'json'], ['--dedupe'], ['--dedupe', '--format', 'csv']]) {
      const one = run([...args, '--jobs', '1', dir]);
      const three = run([...args, '--jobs', '3', dir]);
      strictEqual(one.status, 1, one.stderr);
      ok(one.stdout.length > 10_000);
      strictEqual(three.stdout, one.stdout, `stdout differs for ${args.join(' ')}`);
      strictEqual(three.stderr, one.stderr);
      strictEqual(three.status, one.status);
    }
  });
});
