/**
 * IANA time zones from the runtime's own zone data (`Intl.DateTimeFormat`):
 * the offset at an instant, and a wall-clock time resolved to the instant it
 * names, as Temporal's `disambiguation: 'compatible'` does. Nothing here
 * reads the current clock or the host's time zone.
 *
 * Intl answers one question: the offset at one instant. A wall-clock time is
 * resolved from the offsets one day before and one day after it (offsets are
 * always less than a day), as Temporal's specification does, which assumes
 * what every zone in the data holds: its offset changes at most once in any
 * 48 hours (docs/output.md gives the measurement). Where those two offsets
 * agree, the day on either side has one offset, and the cache remembers that
 * span of instants; overlapping spans with the same offset merge. A later
 * time is answered from the cache only when one span covers the day on
 * either side of it, which holds every instant that could read as that time.
 * So the cache never depends on where a change falls (on the hour, or at
 * 23:54:17 local mean time): it only repeats what the zone data said about
 * the very instants the answer depends on.
 */

const DAY = 86_400_000;
/** IANA names: `Asia/Shanghai`, `America/Argentina/Buenos_Aires`, `Etc/GMT-8`, `UTC`; never an offset. */
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+\-/]*$/;
const MAX_NAME_LENGTH = 64;
/** The end of `longOffset` output: `GMT`, `GMT+08:00`, `GMT-04:56:02`. */
const GMT_OFFSET = /GMT(?:([+\-\u2212])(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?)?$/;
const MAX_ZONES = 64;
const MAX_SPANS = 1024;

/** Instants `start`..`end` (inclusive, ms) during which the zone's offset is `offset`. */
interface Span {
  start: number;
  end: number;
  offset: number;
}

interface Zone {
  format: Intl.DateTimeFormat;
  /** Disjoint, sorted by `start`. */
  spans: Span[];
}

const zones = new Map<string, Zone>();

/** Empties the caches (for benchmarks and tests; results never depend on them). */
export function resetZoneCaches(): void {
  zones.clear();
}

/** `true` for an IANA zone name the runtime knows; offsets such as `+08:00` are not names. */
export function isZoneName(name: string): boolean {
  return name.length <= MAX_NAME_LENGTH && ZONE_NAME.test(name) && zone(name) !== null;
}

/**
 * The offset (ms) that maps the wall-clock time `wall` (its fields read as
 * UTC) to an instant in `timeZone`: `instant = wall - offset`. A time that
 * happens twice (clocks set back) takes the earlier instant; a time that
 * never happens (clocks set forward) takes the offset before the change, so
 * it names the instant one gap-length later on the new clock. `NaN` when
 * the zone data cannot answer.
 */
export function wallClockOffset(timeZone: string, wall: number): number {
  const data = zone(timeZone);
  if (data === null) return NaN;
  const cached = fromCache(data.spans, wall);
  if (cached !== undefined) return cached;
  const before = offsetAt(data.format, wall - DAY);
  const after = offsetAt(data.format, wall + DAY);
  if (!(Math.abs(before) < DAY && Math.abs(after) < DAY)) return NaN;
  if (before === after) {
    remember(data.spans, wall - DAY, wall + DAY, before);
    return before;
  }
  // One change in between: each offset is a reading if its instant has it.
  const early = offsetAt(data.format, wall - before) === before;
  const late = offsetAt(data.format, wall - after) === after;
  if (early && late) return Math.max(before, after); // twice: the earlier instant
  if (late && !early) return after;
  return before; // `early` alone, or a gap
}

function zone(name: string): Zone | null {
  let data = zones.get(name);
  if (data === undefined) {
    let format: Intl.DateTimeFormat;
    try {
      format = new Intl.DateTimeFormat('en-US', { timeZone: name, timeZoneName: 'longOffset' });
    } catch {
      return null;
    }
    if (zones.size >= MAX_ZONES) zones.clear();
    data = { format, spans: [] };
    zones.set(name, data);
  }
  return data;
}

/** The zone's offset (ms, exact to the second) at the instant `epochMs`, or `NaN`. */
function offsetAt(format: Intl.DateTimeFormat, epochMs: number): number {
  let text: string;
  try {
    text = format.format(epochMs);
  } catch {
    return NaN; // beyond the ECMAScript date range
  }
  const match = GMT_OFFSET.exec(text);
  if (match === null) return NaN;
  const [, sign, h, m = '0', s = '0'] = match;
  if (sign === undefined) return 0;
  return (sign === '+' ? 1 : -1) * (Number(h) * 3600 + Number(m) * 60 + Number(s)) * 1000;
}

/**
 * The offset for `wall` when one cached span covers the day on either side
 * of it. Every reading of `wall` is an instant `wall - offset` with the
 * offset under a day, so it lies in that span: there is exactly one.
 */
function fromCache(spans: Span[], wall: number): number | undefined {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const span = spans[mid]!;
    if (span.start > wall) high = mid - 1;
    else if (span.end < wall) low = mid + 1;
    else return span.start <= wall - DAY && wall + DAY <= span.end ? span.offset : undefined;
  }
  return undefined;
}

/** Adds a span of one offset, merged with the spans it overlaps or touches. */
function remember(spans: Span[], start: number, end: number, offset: number): void {
  let first = 0;
  while (first < spans.length && spans[first]!.end < start) first++;
  let last = first;
  let merged: Span = { start, end, offset };
  for (; last < spans.length && spans[last]!.start <= end; last++) {
    const span = spans[last]!;
    if (span.offset !== offset) {
      // Two offsets for one instant: the data broke the one-change-in-48-hours
      // rule somewhere. Forget everything rather than trust either.
      spans.length = 0;
      return;
    }
    merged = { start: Math.min(merged.start, span.start), end: Math.max(merged.end, span.end), offset };
  }
  spans.splice(first, last - first, merged);
  if (spans.length > MAX_SPANS) spans.splice(0, spans.length, merged);
}
