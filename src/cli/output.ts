/// <reference types="node" />
/**
 * Batched writes to stdout: results are joined and written 64 KiB at a
 * time, waiting for the pipe to drain when it is full, so a slow reader
 * bounds the memory and a fast one pays few system calls.
 *
 * @module
 */

import { once } from 'node:events';

const BATCH = 64 * 1024;

export class Output {
  private parts: string[] = [];
  private size = 0;

  constructor(private readonly stream: NodeJS.WritableStream = process.stdout) {}

  /** Queues text; writes when a batch is full. */
  async push(text: string): Promise<void> {
    if (text === '') return;
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= BATCH) await this.flush();
  }

  /** Writes what is queued. */
  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }
}
