/**
 * The command's batched stdout writer (src/cli/output.ts): the bytes are
 * exactly the UTF-8 of the texts pushed, in order, whatever their sizes,
 * and a batch the stream still holds is never written over (a pipe may
 * hold it until it drains).
 */

import { ok, strictEqual } from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Output } from '../dist/cli/output.js';

/**
 * A stream that keeps every chunk it is given. A `slow` one keeps the chunk
 * itself (by reference) until later, as a pipe that is not drained does, and
 * asks to wait; a fast one is done with it at once, so it keeps a copy.
 */
function sink(slow: boolean): { stream: Writable; chunks: Buffer[] } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    highWaterMark: slow ? 16 : 1 << 20,
    write(chunk: Buffer, _encoding, done) {
      if (slow) {
        chunks.push(chunk);
        setImmediate(done);
      } else {
        chunks.push(Buffer.from(chunk));
        done();
      }
    },
  });
  return { stream, chunks };
}

async function written(texts: string[], slow: boolean): Promise<{ bytes: Buffer; writes: number }> {
  const { stream, chunks } = sink(slow);
  const output = new Output(stream);
  for (const text of texts) await output.push(text);
  await output.flush();
  return { bytes: Buffer.concat(chunks), writes: chunks.length };
}

/** Any UTF-16 code unit, lone surrogates included. */
const unit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
const texts = fc.array(fc.oneof(fc.string({ unit, maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 3000 })), { maxLength: 200 });

describe('Output', () => {
  it('writes the UTF-8 of the texts, in order, to a fast and to a slow stream', async () => {
    await fc.assert(
      fc.asyncProperty(texts, fc.boolean(), async (parts, slow) => {
        const { bytes } = await written(parts, slow);
        ok(bytes.equals(Buffer.from(parts.join(''), 'utf8')));
      }),
      { numRuns: 200 },
    );
  });

  it('writes texts larger than its buffer, between smaller ones, in order', async () => {
    const big = '数'.repeat(400_000) + '\ud800';
    const parts = ['a', big, 'b'.repeat(70_000), big, '', '末'];
    for (const slow of [false, true]) {
      const { bytes } = await written(parts, slow);
      ok(bytes.equals(Buffer.from(parts.join(''), 'utf8')));
    }
  });

  it('batches: a 64 KiB write for many small texts, not one per text', async () => {
    const parts = Array.from({ length: 5000 }, (_, i) => `{"n":${i},"text":"示例文本"}\n`);
    const { bytes, writes } = await written(parts, false);
    const size = Buffer.byteLength(parts.join(''));
    strictEqual(bytes.length, size);
    ok(size > 2 * 64 * 1024, String(size));
    // Every write but the last holds at least 64 KiB.
    ok(writes >= 2 && writes <= Math.ceil(size / (64 * 1024)), `${writes} writes for ${size} bytes`);
  });
});
