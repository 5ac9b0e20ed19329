/**
 * Dates written without an offset, in zones whose offsets change (summer
 * time, local mean time with seconds, a whole skipped day), from 1900 to
 * 2100: uniform random times, and times aimed at each change (its edges to
 * the second, and within a few hours of it), each followed by a burst of
 * nearby times so the zone cache is both filled and used.
 *
 * The property compares what parsePost says with an independent brute force:
 * every offset the zone has within 30 hours of the time (sampled with
 * `Intl.DateTimeFormat#formatToParts`, which emnews does not use) is tried,
 * and the instants whose wall-clock reading is the time written are its
 * readings. Several: the earliest. None (clocks set forward): the change is
 * found by halving to the second, and the offset before it applies.
 */

import fc from 'fast-check';
import { parsePost } from 'emnews';
import type { Property } from '../properties.ts';

export const DATE_ZONES: readonly string[] = [
  'Asia/Shanghai',
  'America/New_York',
  'Europe/London',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'America/Sao_Paulo',
  'Pacific/Apia',
];

const HOUR = 3_600_000;
const FROM = Date.UTC(1900, 0, 1);
const TO = Date.UTC(2101, 0, 1);

/** One zone and the wall-clock times (fields read as UTC, whole seconds) to read in it. */
export interface DateCase {
  zone: string;
  walls: number[];
}

// --- the independent computation ---------------------------------------------------------

const partsFormats = new Map<string, Intl.DateTimeFormat>();
const readings = new Map<string, number>();

/** The wall-clock reading in `zone` at the instant `t`, as a UTC-field time (formatToParts). */
function wallAt(zone: string, t: number): number {
  const key = `${zone} ${t}`;
  const known = readings.get(key);
  if (known !== undefined) return known;
  let format = partsFormats.get(zone);
  if (format === undefined) {
    const fields = { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' } as const;
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', ...fields });
    partsFormats.set(zone, format);
  }
  const field: Record<string, number> = {};
  for (const { type, value } of format.formatToParts(t)) field[type] = Number(value);
  const wall = Date.UTC(field['year']!, field['month']! - 1, field['day']!, field['hour']! % 24, field['minute']!, field['second']!);
  if (readings.size > 200_000) readings.clear();
  readings.set(key, wall);
  return wall;
}

/** The instant that the wall-clock time `wall` names in `zone`, by brute force. */
export function bruteForceInstant(zone: string, wall: number): number {
  const samples: number[] = [];
  for (let t = Math.floor(wall / HOUR) * HOUR - 30 * HOUR; t <= wall + 30 * HOUR; t += 2 * HOUR) samples.push(t);
  const offsets = new Set(samples.map((t) => wallAt(zone, t) - t));
  const instants = [...offsets].map((offset) => wall - offset).filter((t) => wallAt(zone, t) === wall);
  if (instants.length > 0) return Math.min(...instants);
  // A gap: the change is between the last sample read before `wall` and the next one.
  const index = samples.findIndex((t, i) => i > 0 && wallAt(zone, samples[i - 1]!) < wall && wallAt(zone, t) > wall);
  if (index < 1) throw new Error(`no reading of ${new Date(wall).toISOString()} in ${zone}, and no change around it`);
  let low = samples[index - 1]!;
  let high = samples[index]!;
  while (high - low > 1000) {
    const mid = low + Math.floor((high - low) / 2000) * 1000;
    if (wallAt(zone, mid) < wall) low = mid;
    else high = mid;
  }
  const before = wallAt(zone, low) - low;
  return wall - before;
}

// --- the generator ------------------------------------------------------------------------

const longOffsets = new Map<string, Intl.DateTimeFormat>();

/** Offset changes in 1900-2100, to the second: found by sampling every 10 days, only to aim the generator. */
function changesOf(zone: string): number[] {
  let format = longOffsets.get(zone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    longOffsets.set(zone, format);
  }
  const offset = (t: number): string => format.format(t).replace(/^.*GMT/, '');
  const changes: number[] = [];
  let previous = offset(FROM);
  for (let t = FROM + 240 * HOUR; t < TO; t += 240 * HOUR) {
    const current = offset(t);
    if (current === previous) continue;
    let low = t - 240 * HOUR;
    let high = t;
    while (high - low > 1000) {
      const mid = low + Math.floor((high - low) / 2000) * 1000;
      if (offset(mid) === previous) low = mid;
      else high = mid;
    }
    changes.push(high);
    previous = current;
  }
  return changes;
}

const changes = new Map<string, number[]>();
const changesIn = (zone: string): number[] => {
  let list = changes.get(zone);
  if (list === undefined) changes.set(zone, (list = changesOf(zone)));
  return list;
};

const seconds = (min: number, max: number): fc.Arbitrary<number> => fc.integer({ min, max }).map((s) => s * 1000);

/** A time to aim at, and the instant (a change, or the time itself) its neighbours are placed around. */
interface Aim {
  wall: number;
  around: number;
}

/** A wall-clock time near a change: its reading just before or just after, moved by a little. */
const nearChange = (zone: string): fc.Arbitrary<Aim> =>
  fc
    .tuple(fc.nat(), fc.boolean(), fc.oneof(fc.constantFrom(-1000, 0, 1000), seconds(-3 * 3600, 3 * 3600)))
    .map(([pick, after, delta]) => {
      const list = changesIn(zone);
      const change = list.length === 0 ? FROM : list[pick % list.length]!;
      const instant = after ? change : change - 1000;
      return { wall: wallAt(zone, instant) + (after ? 0 : 1000) + delta, around: change };
    });

const anywhere: fc.Arbitrary<Aim> = seconds(FROM / 1000, TO / 1000 - 1).map((wall) => ({ wall, around: wall }));

const DAY = 24 * HOUR;

/**
 * The neighbours resolved before the aimed time, so the cache holds spans
 * near it. The cache keeps spans of a day on either side of each time it
 * resolves, so a neighbour a day (give or take a little) from the change
 * makes a span that starts or ends right at it: where a wrong margin would
 * show. Others fall anywhere within four days.
 */
const neighbour = (aim: Aim): fc.Arbitrary<number> =>
  fc.oneof(
    seconds(-4 * 86400, 4 * 86400).map((step) => aim.wall + step),
    fc
      .tuple(fc.constantFrom(-1, 1), fc.oneof(fc.constantFrom(0, 1000), seconds(0, 3 * 3600)))
      .map(([side, delta]) => aim.around + side * (DAY + delta)),
    fc.tuple(fc.constantFrom(-2, -1, 1, 2), seconds(-16 * 3600, 16 * 3600)).map(([days, delta]) => aim.wall + days * DAY + delta),
  );

export const dateCase: fc.Arbitrary<DateCase> = fc.constantFrom(...DATE_ZONES).chain((zone) =>
  fc.oneof(anywhere, nearChange(zone)).chain((aim) =>
    fc.record({
      zone: fc.constant(zone),
      // The aimed time comes last, after its neighbours have filled the cache.
      walls: fc.array(neighbour(aim), { maxLength: 4 }).map((walls) => [...walls, aim.wall]),
    }),
  ),
);

// --- the property -------------------------------------------------------------------------

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function formatOffset(ms: number): string {
  const total = Math.abs(ms) / 1000;
  const [h, m, s] = [Math.floor(total / 3600), Math.floor(total / 60) % 60, total % 60];
  return `${ms < 0 ? '-' : '+'}${pad(h)}:${pad(m)}${s === 0 ? '' : `:${pad(s)}`}`;
}

export const DATE_PROPERTIES: readonly Property[] = [
  {
    name: 'dates without an offset equal a brute-force reading of the zone data (7 zones with changes, 1900-2100)',
    property: fc.property(dateCase, ({ zone, walls }) => {
      for (const wall of walls) {
        const written = new Date(wall).toISOString().slice(0, 19);
        const post = parsePost(`---\ntitle: 甲\ndate: ${written.replace('T', ' ')}\n---\n正文`, { timeZone: zone });
        const instant = bruteForceInstant(zone, wall);
        const offset = formatOffset(wall - instant);
        const expected = { iso: `${written}${offset}`, utc: new Date(instant).toISOString(), epochMs: instant, offset };
        const got = post.date && { iso: post.date.iso, utc: post.date.utc, epochMs: post.date.epochMs, offset: post.date.offset };
        if (JSON.stringify(got) !== JSON.stringify(expected)) {
          throw new Error(`${written} in ${zone}: got ${JSON.stringify(got)}, expected ${JSON.stringify(expected)}`);
        }
      }
    }) as unknown as Property['property'],
  },
];
