import { checkOptions, checkString } from './_lib/options.js';
import type { Post } from './types.js';

/**
 * Which copy of an article a file is:
 * - `'rolling'`: the rolling-news copy, `<date>-<id>.md`, with the digest
 *   line and the entity links;
 * - `'other-media'`: the other-media copy, `<date>-NW<id>.md`, known by its
 *   `infoCode` (`NW<id>`, from the URL or the file name).
 *
 * @example
 * ```ts
 * const kind: CopyKind = 'other-media';
 * ```
 */
export type CopyKind = 'rolling' | 'other-media';

/**
 * One stored copy of an article.
 *
 * @example
 * ```ts
 * const copy: PostCopy = { file: 'old_post/2022-05-23-NW202205230000000003.md', kind: 'other-media', oldPost: true };
 * ```
 */
export interface PostCopy {
  /** The file, as given. */
  file: string;
  /** Rolling-news or other-media copy. */
  kind: CopyKind;
  /** Whether the file sits in an `old_post` folder (a path segment named `options.oldPostFolder`). */
  oldPost: boolean;
}

/**
 * One article: the post of its richest copy, and every copy it was found in.
 *
 * @example
 * ```ts
 * import type { Post } from 'emnews';
 * declare const post: Post;
 * const article: DedupedPost = {
 *   file: '_posts/2022-05-23-202205230000000003.md',
 *   post,
 *   copies: [
 *     { file: '_posts/2022-05-23-202205230000000003.md', kind: 'rolling', oldPost: false },
 *     { file: '_posts/2022-05-23-NW202205230000000003.md', kind: 'other-media', oldPost: false },
 *   ],
 * };
 * ```
 */
export interface DedupedPost {
  /** The file whose post was kept. */
  file: string;
  /** The kept post, unchanged. */
  post: Post;
  /** Every copy of the article, the kept one included, in input order. A post without an article id has only itself. */
  copies: PostCopy[];
}

/**
 * Options of {@link dedupePosts}.
 *
 * @example
 * ```ts
 * const options: DedupeOptions = { oldPostFolder: 'old_post' };
 * ```
 */
export interface DedupeOptions {
  /**
   * The name of the folder that holds the archive's older copies. A file
   * with a path segment of this name is an `oldPost` copy, which loses ties
   * to the others.
   * @default 'old_post'
   */
  oldPostFolder?: string;
}

/** What the rule compares of one copy: a few numbers, so a whole archive fits in memory. */
export interface CopySummary extends PostCopy {
  /** The article id, or `null` (never merged). */
  articleId: string | null;
  /** Whether the post has body text beyond its digest. */
  body: boolean;
  entities: number;
  /** The length of the paragraphs' text. */
  textLength: number;
  warnings: number;
}

/** The summary the rule needs of one parsed copy. */
export function summarizeCopy(file: string, post: Post, oldPostFolder: string = 'old_post'): CopySummary {
  const { paragraphs, summary } = post;
  const textLength = paragraphs.reduce((sum, paragraph) => sum + paragraph.text.length, Math.max(0, paragraphs.length - 1));
  // A digest-only post's paragraphs are its digest: there is no body beyond it.
  const digestOnly = summary !== null && textLength === summary.length && paragraphs.map((p) => p.text).join('\n') === summary;
  return {
    file,
    kind: post.infoCode !== null ? 'other-media' : 'rolling',
    oldPost: file.split(/[\\/]/).includes(oldPostFolder),
    articleId: post.articleId,
    body: paragraphs.length > 0 && !digestOnly,
    entities: post.entities.length,
    textLength,
    warnings: post.warnings.length,
  };
}

/**
 * The rule, as a comparator: negative when `a` is the richer copy. In order:
 * a body beats a digest-only copy; more entities; the rolling copy beats the
 * other-media one; longer text; fewer warnings; a copy outside `old_post`
 * beats one inside it; and last the file name, in UTF-16 code unit order,
 * so the choice never depends on the input order.
 */
export function compareCopies(a: CopySummary, b: CopySummary): number {
  return (
    Number(b.body) - Number(a.body) ||
    b.entities - a.entities ||
    Number(a.kind === 'other-media') - Number(b.kind === 'other-media') ||
    b.textLength - a.textLength ||
    a.warnings - b.warnings ||
    Number(a.oldPost) - Number(b.oldPost) ||
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)
  );
}

/** Chooses each article's copy as the summaries arrive: see {@link copyChooser}. */
export interface CopyChooser {
  /** Adds the summary of the input at `index` (indexes increase from call to call). */
  add(index: number, summary: CopySummary): void;
  /** The index of each kept copy with every copy of its article in input order, by index. */
  kept(): [index: number, copies: PostCopy[]][];
}

/**
 * The rule applied as summaries arrive: only the best summary so far of
 * each article is kept (with a small {@link PostCopy} per copy), so reading
 * a whole archive holds a few numbers per article, not per file.
 */
export function copyChooser(): CopyChooser {
  const groups = new Map<string, { index: number; best: CopySummary; copies: PostCopy[] }>();
  const alone: [number, PostCopy[]][] = [];
  return {
    add(index, summary) {
      const copy = copyOf(summary);
      if (summary.articleId === null) {
        alone.push([index, [copy]]);
        return;
      }
      const group = groups.get(summary.articleId);
      if (group === undefined) groups.set(summary.articleId, { index, best: summary, copies: [copy] });
      else {
        group.copies.push(copy);
        if (compareCopies(summary, group.best) < 0) {
          group.best = summary;
          group.index = index;
        }
      }
    },
    kept() {
      const kept = alone.slice();
      for (const { index, copies } of groups.values()) kept.push([index, copies]);
      return kept.sort(([a], [b]) => a - b);
    },
  };
}

const copyOf = ({ file, kind, oldPost }: CopySummary): PostCopy => ({ file, kind, oldPost });

/**
 * Collapses the copies of each article into one record. The archive stores
 * an article up to three times: the rolling-news copy, the other-media copy
 * (`NW<id>`) and again under `old_post/`. Copies are grouped by
 * `post.articleId` (from the URL, else the file name; `NW<id>` and `<id>`
 * are one article); posts without an article id are never merged.
 *
 * The richest copy is kept, by this rule, in order: a copy with a body beats
 * a digest-only one; then more entities; then the rolling copy beats the
 * other-media one; then longer text; then fewer warnings; then a copy
 * outside `old_post` beats one inside it; and last the smaller file name (in
 * UTF-16 code unit order), so the result never depends on the input order.
 *
 * Pure and synchronous: no file system, any runtime. Records come out in the
 * input order of their kept copies. (For a whole archive without holding
 * every post in memory, `readArchive(folder, { dedupe: true })` from
 * `emnews/archive` applies the same rule in two passes.)
 *
 * @param records - Parsed posts with the file each came from.
 * @param options - See {@link DedupeOptions}.
 * @returns One record per article, plus one per post without an article id.
 * @throws {@link PostParseError} (`invalid-option`) for bad options.
 *
 * @example
 * ```ts
 * import { dedupePosts, parsePost } from 'emnews';
 *
 * const body = '<p><a class="keytip" data-code="0,000001">示例公司</a>发布新品。</p>';
 * const rolling = `---\ntitle: 示例\n---\n> 示例。\n\n${body}\n\n<http://finance.eastmoney.com/a/202205230000000003.html>\n`;
 * const otherMedia = `---\ntitle: 示例\n---\n<p>示例公司发布新品。</p>\n\n<http://finews.example.com/NewsShare.html?infoCode=NW202205230000000003>\n`;
 * const [article] = dedupePosts([
 *   { file: '_posts/2022-05-23-NW202205230000000003.md', post: parsePost(otherMedia) },
 *   { file: '_posts/2022-05-23-202205230000000003.md', post: parsePost(rolling) },
 * ]);
 * article.file; // '_posts/2022-05-23-202205230000000003.md': it has the entity
 * article.copies.map((copy) => copy.kind); // ['other-media', 'rolling']
 * ```
 */
export function dedupePosts(records: Iterable<{ file: string; post: Post }>, options?: DedupeOptions): DedupedPost[] {
  const oldPostFolder = checkString('oldPostFolder', checkOptions(options, ['oldPostFolder']).oldPostFolder) ?? 'old_post';
  const list = [...records];
  const chooser = copyChooser();
  list.forEach(({ file, post }, index) => chooser.add(index, summarizeCopy(file, post, oldPostFolder)));
  return chooser.kept().map(([index, copies]) => ({ file: list[index]!.file, post: list[index]!.post, copies }));
}
