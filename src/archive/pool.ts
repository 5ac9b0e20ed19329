/// <reference types="node" />
/**
 * Runs a task over items in order: in the calling thread with one job, or
 * on a small pool of `node:worker_threads` with several. Items go out in
 * batches, results come back in any order and leave in the items' order,
 * with at most `prefetch` items between the walk and the consumer, so memory
 * stays bounded however large the archive. A worker that dies (a bug, out of
 * memory) is replaced; its items are retried one by one, and the one that
 * kills a worker alone becomes an `internal-error`, so one bad post never
 * stops the run.
 *
 * @module
 */

import { Worker } from 'node:worker_threads';
import { internalError } from './errors.js';
import { loadTask, runWork, type ParseSettings, type TaskFunction, type TaskSpec, type Work } from './task.js';

/** How to run a task over the items. */
export interface PoolOptions {
  /** 1: in the calling thread; more: that many worker threads. */
  jobs: number;
  /** At most this many items read ahead of the consumer. */
  prefetch: number;
  task: TaskSpec;
  settings: ParseSettings;
}

/** What a worker is sent: a dispatch id and the items. */
export interface WorkerRequest {
  id: number;
  works: Work[];
}

/** What a worker sends back: the dispatch id and one result per item. */
export interface WorkerResponse {
  id: number;
  results: unknown[];
}

interface Batch<T> {
  results: (T | undefined)[];
  remaining: number;
}

interface Dispatch<T> {
  batch: Batch<T>;
  offset: number;
  works: Work[];
}

interface Slot {
  worker: Worker;
  pending: Set<number>;
}

/** A worker's heap limit: a post that needs more is reported, not fatal to the run. */
const WORKER_HEAP_MB = 1024;

/** The task's results for `works`, in their order. */
export async function* mapInOrder<T>(works: Iterable<Work>, options: PoolOptions): AsyncGenerator<T> {
  const task = await loadTask<T>(options.task);
  if (options.jobs <= 1) {
    for (const work of works) yield runWork(work, options.settings, task);
  } else {
    yield* parallel(works[Symbol.iterator](), options, task);
  }
}

async function* parallel<T>(works: Iterator<Work>, options: PoolOptions, task: TaskFunction<T>): AsyncGenerator<T> {
  const batchSize = Math.max(1, Math.min(32, Math.floor(options.prefetch / (options.jobs * 4))));
  const perWorker = Math.max(2, Math.ceil(options.prefetch / batchSize / options.jobs));
  const order: Batch<T>[] = [];
  const dispatches = new Map<number, Dispatch<T>>();
  const retries: Dispatch<T>[] = [];
  let nextId = 0;
  let exhausted = false;
  let closing = false;
  let wake: (() => void) | null = null;
  const notify = (): void => {
    const resolve = wake;
    wake = null;
    resolve?.();
  };

  const finish = (dispatch: Dispatch<T>, results: T[]): void => {
    results.forEach((result, i) => (dispatch.batch.results[dispatch.offset + i] = result));
    dispatch.batch.remaining -= results.length;
  };

  const spawn = (): Slot => {
    const worker = new Worker(new URL('./worker.js', import.meta.url), {
      workerData: { task: options.task, settings: options.settings },
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    const slot: Slot = { worker, pending: new Set() };
    worker.on('message', (message: WorkerResponse) => {
      const dispatch = dispatches.get(message.id)!;
      dispatches.delete(message.id);
      slot.pending.delete(message.id);
      finish(dispatch, message.results as T[]);
      notify();
    });
    let failure: unknown;
    worker.on('error', (error) => (failure = error));
    worker.on('exit', (code) => {
      if (closing) return;
      failure ??= new Error(`the worker thread parsing it stopped (exit code ${code})`);
      const index = slots.indexOf(slot);
      if (index >= 0) slots[index] = spawn();
      // A worker takes its batches in order: the first pending one was running when it died.
      let running = true;
      for (const id of slot.pending) {
        const dispatch = dispatches.get(id)!;
        dispatches.delete(id);
        if (!running) retries.push(dispatch);
        else if (dispatch.works.length === 1) {
          const work = dispatch.works[0]!;
          finish(dispatch, [task({ file: work.item.file, error: internalError(failure) }, work.extra)]);
        } else {
          dispatch.works.forEach((work, i) => retries.push({ batch: dispatch.batch, offset: dispatch.offset + i, works: [work] }));
        }
        running = false;
      }
      slot.pending.clear();
      notify();
    });
    return slot;
  };
  const slots: Slot[] = Array.from({ length: options.jobs }, spawn);

  const send = (slot: Slot, dispatch: Dispatch<T>): void => {
    const id = nextId++;
    dispatches.set(id, dispatch);
    slot.pending.add(id);
    slot.worker.postMessage({ id, works: dispatch.works } satisfies WorkerRequest);
  };

  const fill = (): void => {
    for (;;) {
      const slot = slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
      if (slot.pending.size >= perWorker) return;
      const retry = retries.shift();
      if (retry !== undefined) {
        send(slot, retry);
        continue;
      }
      if (exhausted || order.length >= perWorker * options.jobs) return;
      const batch: Work[] = [];
      while (batch.length < batchSize) {
        const next = works.next();
        if (next.done === true) {
          exhausted = true;
          break;
        }
        batch.push(next.value);
      }
      if (batch.length === 0) return;
      const results: Batch<T> = { results: new Array<T | undefined>(batch.length), remaining: batch.length };
      order.push(results);
      send(slot, { batch: results, offset: 0, works: batch });
    }
  };

  try {
    for (;;) {
      fill();
      while (order.length > 0 && order[0]!.remaining === 0) {
        const batch = order.shift()!;
        for (const result of batch.results) yield result as T;
        fill();
      }
      if (exhausted && order.length === 0 && retries.length === 0) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    closing = true;
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }
}
