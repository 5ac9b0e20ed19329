/**
 * emnews: parse archived eastmoney (东方财富) news posts into typed, clean,
 * JSON-serializable data.
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { parsePost } from 'emnews';
 *
 * const post = parsePost(readFileSync('2022-05-23-202205230000000003.md'), {
 *   fileName: '2022-05-23-202205230000000003.md',
 * });
 * console.log(post.title, post.date?.utc, post.entities.map((e) => e.secid));
 * ```
 *
 * @packageDocumentation
 */

export { parsePost } from './parse-post.js';
export type { ParseOptions } from './parse-post.js';
export { parseBody } from './parse-body.js';
export type { BodyOptions } from './parse-body.js';
export { parseArticle } from './parse-article.js';
export type { ArticleOptions } from './parse-article.js';
export { parseNewsList } from './parse-news-list.js';
export type { NewsListOptions } from './parse-news-list.js';
export { dedupePosts } from './dedupe.js';
export type { CopyKind, DedupedPost, DedupeOptions, PostCopy } from './dedupe.js';
export { PostParseError } from './errors.js';
export type { ErrorCode, InputErrorCode, WarningCode } from './errors.js';
export type {
  Body,
  BoardEntity,
  Entity,
  EntityKind,
  Exchange,
  FrontMatter,
  GlossaryEntity,
  Image,
  JsonValue,
  KeywordEntity,
  Link,
  MarketType,
  Mention,
  NewsItem,
  NewsList,
  NewsListFormat,
  Paragraph,
  Post,
  PostDate,
  PostUrl,
  Source,
  StockEntity,
  TableBlock,
  TextBlock,
  UnresolvedEntity,
  Warning,
} from './types.js';
