/** The command's `--help` text, and the short usage shown on a terminal with no input. */

export const USAGE_LINE: string = 'Usage: emnews [options] [paths...]';

export const SHORT_USAGE: string = `${USAGE_LINE}
Parses eastmoney news posts: give files or folders, or pipe a post in.
Try 'emnews --help' for more.
`;

export const HELP: string = `${USAGE_LINE}

Parses eastmoney news posts (Jekyll Markdown files) into JSON or tables.

  paths                 files, or folders searched recursively for *.md;
                        - (or no path, with a pipe) reads one post from
                        standard input

Output (stdout):
  -f, --format <fmt>    jsonl (default): one {"file","post"} or
                          {"file","error"} object a line, whatever the
                          number of inputs
                        json: the same objects in one array
                        pretty: the same objects, indented
                        text: each post as readable text
                        csv: one row per article (columns below)
                        mentions: one row per entity mention
      --dedupe          one record per article: keep the richest copy of
                        each article id, list the others in "copies"

Parsing:
      --strict                  treat a post's first warning as a failure
      --time-zone <zone>        IANA zone of dates without an offset
                                (default Asia/Shanghai)
      --base-url <url>          resolve relative links against this address
      --max-input-bytes <size>  skip posts with more text than this (counted
                                in UTF-8; files that cannot fit are not read;
                                default 10M; K, M, G are powers of 1024)
      --encoding <label>        the encoding of files without a byte order
                                mark (default utf-8; gbk, gb18030 for older
                                pages)
      --file-name <name>        the file name of the post on standard input
                                (it carries the article id and date)
      --fail-on-warning         list warnings on stderr and exit 1 if any

Running:
  -j, --jobs <n>        posts parsed at once, on worker threads (default:
                        the number of cores); the output is the same
      --no-progress     no progress line (it shows only when stderr is a
                        terminal and stdout is not)
  -h, --help            show this help
  -v, --version         show the version

csv columns: article_id, date_utc (ISO 8601, UTC), title, source, url,
  categories, tags, summary, text (paragraphs joined by a line break),
  secids, unresolved (codes of securities without a market), file, copies.
mentions columns: article_id, date_utc, kind, market, code, secid, label
  (the mention's text), paragraph (0-based), start, end (UTF-16 offsets in
  the paragraph), file.
Lists are JSON arrays. Tables are RFC 4180 with CRLF, UTF-8 with a byte
order mark; a cell starting with = + - @ gets a leading ' (Excel formulas).

Failures (a missing or unreadable path, a folder that cannot be opened, a
file too large, a link loop, a FIFO, a post that cannot be parsed) are
reported on stderr and, except in tables, in the output; the run goes on.

Exit status: 0 every input gave a post; 1 some failed (or had warnings,
with --fail-on-warning); 2 usage error; 3 internal error (a bug: please
report it).
`;
