/**
 * An AWS Lambda function behind API Gateway (REST or HTTP API, payload 1.0
 * or 2.0): POST a post's text, get its JSON back.
 *
 *   curl --data-binary @post.md https://…/parse?fileName=2022-05-23-202205230000000003.md
 *
 * Answers 200 with the Post, 400 with `{ error: { code, message } }` for
 * input emnews rejects, 405 for other methods. The types are written out so
 * the example needs no `@types/aws-lambda`.
 */

import { parsePost, PostParseError } from 'emnews';

/** The parts of an API Gateway proxy event this handler reads. */
export interface ApiGatewayEvent {
  httpMethod?: string;
  requestContext?: { http?: { method?: string } };
  body: string | null;
  isBase64Encoded?: boolean;
  queryStringParameters?: Record<string, string | undefined> | null;
}

export interface ApiGatewayResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

const MAX_BYTES = 5 * 1024 * 1024;

export async function handler(event: ApiGatewayEvent): Promise<ApiGatewayResult> {
  const method = event.httpMethod ?? event.requestContext?.http?.method;
  if (method !== 'POST') return json(405, { error: { code: 'method-not-allowed', message: 'POST the post text' } });
  const body = event.body ?? '';
  // Binary bodies arrive base64-encoded; emnews decodes the bytes as UTF-8.
  const input = event.isBase64Encoded ? Buffer.from(body, 'base64') : body;
  const fileName = event.queryStringParameters?.['fileName'];
  try {
    const post = parsePost(input, { maxInputBytes: MAX_BYTES, ...(fileName ? { fileName } : {}) });
    return json(200, post);
  } catch (error) {
    if (error instanceof PostParseError) return json(400, { error: { code: error.code, message: error.message } });
    throw error;
  }
}

function json(statusCode: number, value: unknown): ApiGatewayResult {
  return { statusCode, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(value) };
}
