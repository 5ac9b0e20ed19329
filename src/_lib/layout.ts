/**
 * Splits a post into its parts by lines: front matter, digest, body,
 * original-URL line, footer navigation. Knows nothing of YAML or HTML.
 */

import type { Warnings } from './warnings.js';

/** A piece of the post and the 0-based line it starts on. */
export interface Piece {
  text: string;
  line: number;
}

/** A footer navigation link as written: `[返回首页](//finews.withounder.com/)`. */
export interface NavigationLink {
  text: string;
  href: string;
  /** 0-based line. */
  line: number;
}

export interface Layout {
  frontMatter: Piece | null;
  digest: Piece | null;
  body: Piece;
  /** The text between `<` and `>` of the original-URL line (`''` for `<>`). */
  url: Piece | null;
  navigation: NavigationLink[];
}

const DELIMITER = /^---[ \t]*$/;
const CLOSING_DELIMITER = /^(?:---|\.\.\.)[ \t]*$/;
// `<http://…>`, `<//host/…>` or `<>`: a URL and nothing else on the line.
const URL_LINE = /^<([A-Za-z][A-Za-z0-9+.-]{0,20}:\/\/[^\s<>]*|\/\/[^\s<>]*|)>[ \t]*$/;
const MARKDOWN_LINK = /\[([^\]\n]*)\]\(([^)\s]*)\)/g;
const NAVIGATION_REST = /^[\s｜|]*$/;
const BLANK = /^[ \t]*$/;

/** Splits `text` (LF line endings, no BOM) into the parts of a post. */
export function splitPost(text: string, warnings: Warnings): Layout {
  const lines = text.split('\n');
  let start = 0;
  let frontMatter: Piece | null = null;
  if (DELIMITER.test(lines[0]!)) {
    let end = 1;
    while (end < lines.length && !CLOSING_DELIMITER.test(lines[end]!)) end++;
    if (end < lines.length) {
      frontMatter = { text: lines.slice(1, end).join('\n'), line: 1 };
      start = end + 1;
    } else {
      warnings.add('unterminated-front-matter', 'the front matter has no closing `---` line; read as body', { line: 1, column: 1 });
      start = 1;
    }
  } else {
    warnings.add('missing-front-matter', 'the post does not start with a `---` front matter block', { line: 1, column: 1 });
  }

  // The tail, read backwards: blank lines and navigation, then the URL line.
  let end = lines.length;
  const navigation: NavigationLink[][] = [];
  let url: Piece | null = null;
  for (let i = lines.length - 1; i >= start; i--) {
    const line = lines[i]!;
    if (BLANK.test(line)) continue;
    const links = navigationLinks(line, i);
    if (links !== null) {
      navigation.push(links);
      end = i;
      continue;
    }
    const match = URL_LINE.exec(line);
    if (match) {
      url = { text: match[1]!, line: i };
      end = i;
    }
    break;
  }

  while (start < end && BLANK.test(lines[start]!)) start++;
  let digest: Piece | null = null;
  if (start < end && lines[start]!.startsWith('>')) {
    const first = start;
    const quoted: string[] = [];
    while (start < end && lines[start]!.startsWith('>')) quoted.push(lines[start++]!.replace(/^> ?/, ''));
    digest = { text: quoted.join('\n'), line: first };
  }

  const bodyLines = lines.slice(start, end);
  for (let i = 0; i < bodyLines.length; i++) {
    if (DELIMITER.test(bodyLines[i]!)) {
      warnings.add('stray-delimiter', 'a `---` line inside the body; read as a paragraph break', { line: start + i + 1, column: 1 });
      bodyLines[i] = '<hr>';
    }
  }
  return { frontMatter, digest, body: { text: bodyLines.join('\n'), line: start }, url, navigation: navigation.reverse().flat() };
}

/** The links of a navigation line, or `null` when the line is anything else. */
function navigationLinks(line: string, index: number): NavigationLink[] | null {
  if (!line.startsWith('[')) return null;
  const links: NavigationLink[] = [];
  const rest = line.replace(MARKDOWN_LINK, (_, text: string, href: string) => {
    links.push({ text, href, line: index });
    return '';
  });
  return links.length > 0 && NAVIGATION_REST.test(rest) ? links : null;
}
