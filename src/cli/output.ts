/// <reference types="node" />
/**
 * Batched writes to stdout: results are encoded as UTF-8 straight into a
 * buffer and written 64 KiB at a time, waiting for the pipe to drain when
 * it is full, so a slow reader bounds the memory and a fast one pays few
 * system calls. Encoding each result where it goes saves joining the
 * batch into one string and encoding that again.
 *
 * @module
 */

import { once } from 'node:events';

/** Bytes written at once. */
const BATCH = 64 * 1024;
/**
 * The buffer that batches are cut from. A batch the stream still holds (a
 * pipe that is not drained) is never written over: the next batch starts
 * after it, in a new buffer when this one is full. Once the stream holds
 * nothing (`writableLength` 0: a file, or a pipe that took it all), the
 * buffer is used again from its start, so a long run does not allocate a
 * new one per megabyte (memory outside the heap that would make V8
 * collect more often).
 */
const SLAB = 1024 * 1024;
/** The most UTF-8 bytes one UTF-16 code unit can take (a lone surrogate becomes U+FFFD, 3 bytes). */
const MAX_BYTES_PER_UNIT = 3;

export class Output {
  private slab = Buffer.allocUnsafe(SLAB);
  /** Where the batch not yet written starts in `slab`. */
  private start = 0;
  /** Where the next text goes in `slab`. */
  private end = 0;

  constructor(private readonly stream: NodeJS.WritableStream = process.stdout) {}

  /** Queues text; writes when a batch is full. */
  async push(text: string): Promise<void> {
    if (text === '') return;
    const most = MAX_BYTES_PER_UNIT * text.length;
    if (this.end + most > this.slab.length) {
      await this.flush();
      if (most > SLAB) {
        // Larger than any batch: written on its own.
        await this.write(text);
        return;
      }
      this.slab = Buffer.allocUnsafe(SLAB);
      this.start = 0;
      this.end = 0;
    }
    this.end += this.slab.write(text, this.end);
    if (this.end - this.start >= BATCH) await this.flush();
  }

  /** Writes what is queued. */
  async flush(): Promise<void> {
    if (this.end === this.start) return;
    const chunk = this.slab.subarray(this.start, this.end);
    this.start = this.end;
    const wrote = this.stream.write(chunk);
    if ((this.stream as { writableLength?: number }).writableLength === 0) {
      this.start = 0;
      this.end = 0;
    }
    if (!wrote) await once(this.stream, 'drain');
  }

  private async write(chunk: string | Uint8Array): Promise<void> {
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }
}
