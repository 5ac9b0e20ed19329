/**
 * The command's batched stdout writer (src/cli/output.ts): the bytes are
 * exactly the UTF-8 of the texts pushed (or the bytes, when a worker thread
 * sent them encoded), in order, whatever their sizes, and a batch the
 * stream still holds is never written over (a pipe may hold it until it
 * drains). And what a worker thread sends (`transferResults` in
 * src/cli/formats.ts): each result's exact UTF-8, in buffers that move.
 */

import { deepStrictEqual, ok, strictEqual } from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { transferResults, type Result } from '../dist/cli/formats.js';
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

async function written(texts: (string | Uint8Array)[], slow: boolean): Promise<{ bytes: Buffer; writes: number }> {
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

  it('writes bytes pushed between texts as they are, in order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(texts.map((t) => t.join('')), fc.boolean()), { maxLength: 20 }), fc.boolean(), async (parts, slow) => {
        // Bytes are pushed as a worker thread sends them: views into a larger buffer.
        const chunks = parts.map(([text, asBytes]) => (asBytes ? Buffer.concat([Buffer.from('前'), Buffer.from(text)]).subarray(3) : text));
        const { bytes } = await written(chunks, slow);
        ok(bytes.equals(Buffer.from(parts.map(([text]) => text).join(''), 'utf8')));
      }),
      { numRuns: 100 },
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

describe('transferResults', () => {
  const results = fc.array(
    fc.record({ out: fc.oneof(fc.string({ unit, maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 3000 })), err: fc.string(), status: fc.nat(3), warned: fc.boolean() }),
    { maxLength: 40 },
  );

  it("turns each result's text into its exact UTF-8, in buffers that survive being moved to another thread", () => {
    fc.assert(
      fc.property(results, (batch: Result[]) => {
        const texts = batch.map((result) => result.out as string);
        const others = batch.map(({ err, status, warned }) => ({ err, status, warned }));
        const transfer = transferResults(batch);
        strictEqual(transfer.length, 1);
        // What the main thread receives: the message cloned with its buffers moved, as postMessage does.
        const received = structuredClone(batch, { transfer });
        received.forEach((result, i) => {
          ok(result.out instanceof Uint8Array);
          ok(Buffer.from(result.out).equals(Buffer.from(texts[i]!, 'utf8')), `result ${i}`);
          deepStrictEqual({ err: result.err, status: result.status, warned: result.warned }, others[i]);
        });
        // Moved, not copied: the worker's buffer is detached.
        for (const buffer of transfer) strictEqual(buffer.byteLength, 0);
      }),
      { numRuns: 200 },
    );
  });
});
