import type { PostDate } from '../types.js';
import { wallClockOffset } from './time-zone.js';

export { resetZoneCaches } from './time-zone.js';

/** The default of `options.timeZone`: posts are Beijing time. */
export const DEFAULT_TIME_ZONE: string = 'Asia/Shanghai';

/** Why a date string could not be read. */
export type DateProblem = 'missing' | 'invalid';

// `YYYY-MM-DD`, optional `[T ]hh:mm[:ss[.fff]]`, optional `Z` or `±hh[:]mm`.
// Anchored, each part a distinct character class: no backtracking blow-up.
const DATE_PATTERN =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?[ \t]*(?:([Zz])|([+-])(\d{2}):?(\d{2}))?$/;
const OFFSET_ONLY = /^(?:[Zz]|[+-]\d{2}:?\d{2})?$/;
const MAX_OFFSET_MINUTES = 18 * 60;
/** The ECMAScript date range: ±8.64e15 ms around 1970. */
const MAX_EPOCH_MS = 8.64e15;

/**
 * Reads a date as eastmoney posts write it. A date without an offset is
 * wall-clock time in `timeZone`, resolved with the runtime's zone data (so
 * historical rules such as China's 1986–1991 summer time and local mean time
 * before 1901 apply; see `wallClockOffset` for times that happen twice or
 * never). Never uses the host's time zone or the current clock.
 */
export function readDate(raw: string, timeZone: string, from: PostDate['from']): PostDate | DateProblem {
  const text = raw.trim();
  if (OFFSET_ONLY.test(text)) return 'missing';
  const match = DATE_PATTERN.exec(text);
  if (!match) return 'invalid';
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', zulu, sign, oh, om] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  const millisecond = Number(fraction.padEnd(3, '0').slice(0, 3));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return 'invalid';
  if (hour > 23 || minute > 59 || second > 59) return 'invalid';
  const wallMs = utcMs(year, month, day, hour, minute, second, millisecond);

  let offsetMs: number;
  let assumed = false;
  if (zulu) offsetMs = 0;
  else if (sign) {
    const hours = Number(oh);
    const minutes = Number(om);
    if (minutes > 59) return 'invalid';
    const offsetMinutes = (sign === '-' ? -1 : 1) * (hours * 60 + minutes);
    if (Math.abs(offsetMinutes) > MAX_OFFSET_MINUTES) return 'invalid';
    offsetMs = offsetMinutes * 60_000;
  } else {
    offsetMs = wallClockOffset(timeZone, wallMs);
    assumed = true;
  }
  const epochMs = wallMs - offsetMs;
  if (!(Math.abs(epochMs) <= MAX_EPOCH_MS)) return 'invalid';
  const offset = formatOffset(offsetMs);
  const wall = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}`;
  return {
    iso: `${wall}${millisecond ? `.${pad(millisecond, 3)}` : ''}${offset}`,
    utc: isoUtc(epochMs),
    epochMs,
    offset,
    assumed,
    raw,
    from,
  };
}

function utcMs(year: number, month: number, day: number, h: number, mi: number, s: number, ms: number): number {
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not (and costs three times as much).
  if (year >= 100) return Date.UTC(year, month - 1, day, h, mi, s, ms);
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(h, mi, s, ms);
  return date.getTime();
}

function isoUtc(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** `+08:00`, or `+08:05:43` for an offset with seconds (local mean time). */
function formatOffset(offsetMs: number): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const seconds = Math.round(Math.abs(offsetMs) / 1000);
  const hhmm = `${sign}${pad(Math.floor(seconds / 3600), 2)}:${pad(Math.floor(seconds / 60) % 60, 2)}`;
  return seconds % 60 === 0 ? hhmm : `${hhmm}:${pad(seconds % 60, 2)}`;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
