/**
 * One run of one contender, in a fresh process started by bench/compare.ts:
 * `node --import tsx bench/worker.ts <contender name> [--quick]`.
 *
 * It warms every input up, picks how many passes make a sample, then takes
 * the contender's samples in rounds, every input once per round, in a
 * rotating order. It prints one JSON line: for every input (`<set>|<form>`)
 * the nanoseconds per pass over the set, one figure per round, by the wall
 * clock (`wall`) and by the process's CPU time, all threads, user and
 * system (`cpu`). On a busy machine the wall clock also counts the time the
 * process waited for a core; the CPU time does not.
 */

import { contender } from './contenders/index.ts';
import { FORMS, inputSets } from './inputs.ts';

/** What a worker prints: nanoseconds per pass over each input's set, per round. */
export interface WorkerResult {
  contender: string;
  wall: Record<string, number[]>;
  cpu: Record<string, number[]>;
}

const name = process.argv[2] ?? '';
const quick = process.argv.includes('--quick');
const who = contender(name);
const { run } = (await import(`./contenders/${who.module}`)) as { run: (input: string | Uint8Array, fileName: string) => unknown };

/** A sample repeats passes over the set until it lasts at least this long. */
const MIN_SAMPLE_MS = quick ? 10 : 25;
/** Warm-up per input: passes until this much time is spent (at least one). */
const WARM_UP_MS = quick ? 100 : 250;
/** Once a contender has spent this long on one input, it stops at 3 samples. */
const BUDGET_MS = quick ? 2_000 : 6_000;
const ROUNDS = quick ? 3 : who.rounds;

interface Task {
  key: string;
  posts: (string | Uint8Array)[];
  fileNames: string[];
  repeat: number;
  wall: number[];
  cpu: number[];
  spentMs: number;
}

const tasks: Task[] = inputSets(who.perByte).flatMap((set) =>
  FORMS.map((form) => ({
    key: `${set.key}|${form}`,
    posts: form === 'string' ? set.strings : set.bytes,
    fileNames: set.fileNames,
    repeat: 1,
    wall: [],
    cpu: [],
    spentMs: 0,
  })),
);

let sink: unknown;

/** Wall-clock and CPU nanoseconds for `repeat` passes over the task's posts. */
function time(task: Task, repeat: number): [number, number] {
  const { posts, fileNames } = task;
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (let r = 0; r < repeat; r++) for (let i = 0; i < posts.length; i++) sink = run(posts[i]!, fileNames[i]!);
  const wall = Number(process.hrtime.bigint() - start);
  const used = process.cpuUsage(cpu);
  return [wall, (used.user + used.system) * 1000];
}

for (const task of tasks) {
  let spent = 0;
  let passes = 0;
  let fastest = Infinity;
  while (passes < 1 || spent < WARM_UP_MS * 1e6) {
    const [ns] = time(task, 1);
    fastest = Math.min(fastest, ns);
    spent += ns;
    passes++;
    if (spent > BUDGET_MS * 1e6) break;
  }
  task.repeat = Math.max(1, Math.ceil((MIN_SAMPLE_MS * 1e6) / fastest));
}

for (let round = 0; round < ROUNDS; round++) {
  for (let i = 0; i < tasks.length; i++) {
    const task = tasks[(i + round) % tasks.length]!;
    if (task.wall.length >= 3 && task.spentMs > BUDGET_MS) continue;
    const [wall, cpu] = time(task, task.repeat);
    task.wall.push(wall / task.repeat);
    task.cpu.push(cpu / task.repeat);
    task.spentMs += wall / 1e6;
  }
}
if (sink === undefined) throw new Error('nothing ran');

const result: WorkerResult = {
  contender: name,
  wall: Object.fromEntries(tasks.map((t) => [t.key, t.wall])),
  cpu: Object.fromEntries(tasks.map((t) => [t.key, t.cpu])),
};
console.log(JSON.stringify(result));
