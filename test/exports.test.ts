import { deepStrictEqual, ok, strictEqual } from 'node:assert/strict';
import { test } from 'node:test';

// Imports the built package by its name, the way users do.
test('the package exports exactly the documented runtime values', async () => {
  const api = await import('emnews');
  deepStrictEqual(Object.keys(api).sort(), ['PostParseError', 'dedupePosts', 'parseArticle', 'parseBody', 'parseNewsList', 'parsePost']);
});

test('the exports are what they claim to be', async () => {
  const { PostParseError, parseArticle, parseBody, parseNewsList, parsePost } = await import('emnews');
  strictEqual(typeof parsePost, 'function');
  strictEqual(typeof parseBody, 'function');
  strictEqual(typeof parseArticle, 'function');
  strictEqual(typeof parseNewsList, 'function');
  const error = new PostParseError('invalid-input', 'x');
  ok(error instanceof Error);
  strictEqual(error.name, 'PostParseError');
});
