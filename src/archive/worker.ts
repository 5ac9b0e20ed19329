/// <reference types="node" />
/**
 * A worker thread of the archive pool: loads the task once, then reads,
 * parses and runs the task for each batch it is sent.
 *
 * @module
 */

import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerRequest, WorkerResponse } from './pool.js';
import { loadTask, runWork, type ParseSettings, type TaskSpec } from './task.js';

const { task: spec, settings } = workerData as { task: TaskSpec; settings: ParseSettings };
const task = await loadTask<unknown>(spec);

parentPort!.on('message', ({ id, works }: WorkerRequest) => {
  const results = works.map((work) => runWork(work, settings, task));
  parentPort!.postMessage({ id, results } satisfies WorkerResponse);
});
