// A task for the pool's tests: ends its worker thread on a post named
// crash*.md (as an out-of-memory error or a native crash would), and
// returns the file name and code of every other entry.
import { isMainThread } from 'node:worker_threads';

export function createTask() {
  return (entry) => {
    const name = entry.file.slice(entry.file.lastIndexOf('/') + 1);
    if (!isMainThread && name.startsWith('crash')) process.exit(7);
    return `${name} ${entry.error ? entry.error.code : 'post'}`;
  };
}
