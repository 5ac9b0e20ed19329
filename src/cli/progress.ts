/// <reference types="node" />
/**
 * Everything the command writes to stderr goes through here, so that the
 * progress line is cleared before each message and redrawn after. The line
 * shows only when stderr is a terminal and stdout is not (when both are the
 * same screen, the output itself shows the progress), after the run has
 * lasted a second: posts done, of how many, posts/s and the time left.
 *
 * @module
 */

const CLEAR = '\r\x1b[2K';

/** The progress line and the stderr writer. */
export class Progress {
  readonly enabled: boolean;
  /** How long a run must last before the line shows; tests shorten it. */
  private readonly delay = Number(process.env['EMNEWS_PROGRESS_DELAY_MS'] ?? 1000);
  private start = Date.now();
  private last = 0;
  private shown = false;
  private total: number | null = null;
  private label = 'posts';
  private done = 0;
  failed = 0;
  warned = 0;

  constructor(wanted: boolean, private readonly stderr: NodeJS.WriteStream = process.stderr) {
    this.enabled = wanted && stderr.isTTY === true && process.stdout.isTTY !== true;
  }

  /** Writes a message (whole lines, already escaped), clearing the progress line first. */
  log(text: string): void {
    if (this.shown) {
      this.stderr.write(CLEAR + text);
      this.last = 0;
    } else {
      this.stderr.write(text);
    }
  }

  /** A new pass over `total` inputs (`null`: not known). */
  phase(label: string, total: number | null): void {
    this.label = label;
    this.total = total;
    this.done = 0;
    this.start = Date.now();
  }

  /** One more input done. */
  tick(): void {
    this.done++;
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.start < this.delay || now - this.last < 100) return;
    this.last = now;
    this.shown = true;
    this.stderr.write(CLEAR + this.line(now));
  }

  private line(now: number): string {
    const seconds = Math.max(now - this.start, 1) / 1000;
    const rate = this.done / seconds;
    const of = this.total === null ? '' : ` of ${this.total}`;
    const eta = this.total === null || rate === 0 ? '' : ` · ETA ${clock((this.total - this.done) / rate)}`;
    return `emnews: ${this.done}${of} ${this.label} · ${rate.toFixed(0)} posts/s${eta} · ${this.warned} with warnings · ${this.failed} failed`;
  }

  /** Clears the line and, if it was shown, writes a summary. */
  finish(posts: number): void {
    if (!this.shown) return;
    this.stderr.write(CLEAR);
    const seconds = (Date.now() - this.start) / 1000;
    this.stderr.write(`emnews: ${posts} posts in ${seconds.toFixed(1)} s · ${this.warned} with warnings · ${this.failed} failed\n`);
  }
}

/** `1:05`, `1:02:03`. */
function clock(seconds: number): string {
  const s = Math.ceil(seconds);
  const parts = [Math.floor(s / 3600), Math.floor(s / 60) % 60, s % 60];
  const [h, m, sec] = parts as [number, number, number];
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}` : `${m}:${String(sec).padStart(2, '0')}`;
}
