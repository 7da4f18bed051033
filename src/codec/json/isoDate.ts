/**
 * ISO 8601 text for the typed-JSON `datetime` form: the wall-clock time at the offset werkzeug
 * kept, then the offset (`+00:00` for UTC, as Python's `isoformat()` and the golden vectors
 * write it). Reading also takes `Z`, `+0100`, a space instead of `T`, omitted seconds and a
 * fraction (dropped, as Flask drops microseconds); no offset means UTC, as Flask treats naive.
 */
import { type PyDateTime, pyDateTime } from "../value";
import { civilFromDays, daysFromCivil, isValidDateTime, pad2, pad4 } from "./calendar";

function offsetText(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? "-" : "+";
  const magnitude = Math.abs(offsetMinutes);
  return `${sign}${pad2(Math.floor(magnitude / 60))}:${pad2(magnitude % 60)}`;
}

/** `2024-02-29T12:34:56+00:00`: Python's `dt.isoformat()` for a whole-second aware datetime. */
export function isoDate(dt: PyDateTime): string {
  const local = Math.floor(dt.epochSeconds) + dt.offsetMinutes * 60;
  const days = Math.floor(local / 86400);
  const secondOfDay = local - days * 86400;
  const { year, month, day } = civilFromDays(days);
  const hh = pad2(Math.floor(secondOfDay / 3600));
  const mm = pad2(Math.floor(secondOfDay / 60) % 60);
  const ss = pad2(secondOfDay % 60);
  return `${pad4(year)}-${pad2(month)}-${pad2(day)}T${hh}:${mm}:${ss}${offsetText(dt.offsetMinutes)}`;
}

const ISO_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?$/;

/** Parse the ISO forms above; null when the text is not one or names an impossible date. */
export function parseIsoDate(text: string): PyDateTime | null {
  const m = ISO_PATTERN.exec(text.trim());
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1, 6).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (!isValidDateTime(year, month, day, hour, minute, second)) return null;
  let offsetMinutes = 0;
  if (m[8] !== undefined) {
    const hours = Number(m[9]);
    const minutes = Number(m[10]);
    if (minutes > 59 || hours > 23) return null;
    offsetMinutes = (m[8] === "-" ? -1 : 1) * (hours * 60 + minutes) || 0; // never -0
  }
  const local = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second;
  return pyDateTime(local - offsetMinutes * 60, offsetMinutes);
}
