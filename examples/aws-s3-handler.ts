/**
 * An AWS Lambda function for S3 "object created" events: each post uploaded
 * to the bucket is parsed and its JSON written beside it, as `<key>.json`.
 * Upload a whole archive (`aws s3 sync archive/ s3://bucket/archive/`) and
 * S3 fans the posts out to as many concurrent invocations as it needs.
 *
 * - Only keys ending in `.md` are read; others are skipped (so the handler's
 *   own `.md.json` output never triggers it again). Set the bucket's event
 *   notification to `s3:ObjectCreated:*` with the suffix filter `.md` too.
 * - A post emnews parses (with or without warnings) → `{ "file": key, "post": Post }`.
 * - A post emnews rejects (invalid UTF-8, larger than `maxInputBytes`) →
 *   `{ "file": key, "error": { code, message, line, column } }` in the same
 *   place, and a log line with the code. The invocation succeeds: retrying
 *   cannot fix the bytes, and every uploaded post ends with one JSON object
 *   to query (`error IS NOT NULL`).
 * - An S3 error is thrown, so Lambda retries the event.
 *
 * The S3 client is injected (an {@link ObjectStore}), so tests run the
 * handler without AWS. In the function, wrap `@aws-sdk/client-s3` (which the
 * Node.js Lambda runtimes include) in a thin adapter:
 *
 * ```ts
 * // index.ts: bundle with esbuild as in aws-lambda.ts, plus --external:@aws-sdk/*; handler index.handler
 * import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
 * import { createS3Handler } from './aws-s3-handler.ts';
 *
 * const s3 = new S3Client({});
 * export const handler = createS3Handler({
 *   store: {
 *     async getObject(bucket, key) {
 *       const { Body } = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
 *       if (Body === undefined) throw new Error(`s3://${bucket}/${key} has no body`);
 *       return Body.transformToByteArray();
 *     },
 *     async putObject(bucket, key, body, contentType) {
 *       await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }));
 *     },
 *   },
 * });
 * ```
 */

import type { S3Event, S3Handler } from 'aws-lambda';
import { parsePost, PostParseError } from 'emnews';

/** The two S3 calls the handler makes. */
export interface ObjectStore {
  /** The object's bytes. */
  getObject(bucket: string, key: string): Promise<Uint8Array>;
  /** Creates or replaces an object. */
  putObject(bucket: string, key: string, body: string, contentType: string): Promise<void>;
}

/** One structured log entry (CloudWatch Logs Insights reads JSON lines). */
export type LogEntry = Record<string, string | number | null>;

export interface S3HandlerOptions {
  store: ObjectStore;
  /** Default: one JSON line on standard output. */
  log?: (entry: LogEntry) => void;
  /** Larger objects are not downloaded; they get an `input-too-large` error JSON. Default 10 MiB. */
  maxInputBytes?: number;
}

/**
 * S3 event keys are URL-encoded, with `+` for a space (`2022/示例 1.md`
 * arrives as `2022/%E7%A4%BA%E4%BE%8B+1.md`).
 */
export function objectKey(encoded: string): string {
  return decodeURIComponent(encoded.replaceAll('+', ' '));
}

export function createS3Handler(options: S3HandlerOptions): S3Handler {
  const { store, log = (entry: LogEntry) => console.log(JSON.stringify(entry)), maxInputBytes = 10 * 1024 * 1024 } = options;
  return async (event: S3Event) => {
    for (const record of event.Records) {
      const bucket = record.s3.bucket.name;
      const key = objectKey(record.s3.object.key);
      if (!record.eventName.startsWith('ObjectCreated:') || !key.endsWith('.md')) {
        log({ level: 'info', event: 'skipped', bucket, key });
        continue;
      }
      const fileName = key.slice(key.lastIndexOf('/') + 1);
      let result: { file: string; post: unknown } | { file: string; error: { code: string; message: string; line: number | null; column: number | null } };
      if (record.s3.object.size > maxInputBytes) {
        const message = `the object has ${record.s3.object.size} bytes, more than maxInputBytes (${maxInputBytes})`;
        result = { file: key, error: { code: 'input-too-large', message, line: null, column: null } };
      } else {
        try {
          result = { file: key, post: parsePost(await store.getObject(bucket, key), { fileName, maxInputBytes }) };
        } catch (error) {
          if (!(error instanceof PostParseError)) throw error;
          result = { file: key, error: { code: error.code, message: error.message, line: error.line ?? null, column: error.column ?? null } };
        }
      }
      await store.putObject(bucket, `${key}.json`, JSON.stringify(result), 'application/json; charset=utf-8');
      if ('error' in result) log({ level: 'error', event: 'failed', bucket, key, code: result.error.code, message: result.error.message });
      else log({ level: 'info', event: 'parsed', bucket, key });
    }
  };
}

