/// <reference types="node" />
/**
 * A worker thread of the archive pool: loads the task once, then reads,
 * parses and runs the task for each batch it is sent, and posts the
 * batch's results back (moving the buffers the task's `transferResults`
 * gives, if it has one).
 *
 * @module
 */

import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerRequest, WorkerResponse } from './pool.js';
import { loadTaskModule, runWork, type ParseSettings, type TaskSpec } from './task.js';

const { task: spec, settings } = workerData as { task: TaskSpec; settings: ParseSettings };
const taskModule = await loadTaskModule<unknown>(spec);
const task = taskModule.createTask(spec.config);

parentPort!.on('message', ({ id, works }: WorkerRequest) => {
  const results = works.map((work) => runWork(work, settings, task));
  parentPort!.postMessage({ id, results } satisfies WorkerResponse, taskModule.transferResults?.(results) ?? []);
});
