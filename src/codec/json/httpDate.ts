/**
 * The dates inside Flask's `" d"` tag. Writing is werkzeug `http_date` (always the UTC
 * instant, `Thu, 29 Feb 2024 12:34:56 GMT`); reading is werkzeug `parse_date`, i.e.
 * `email.utils.parsedate_to_datetime` (CPython 3.11 `_parsedate_tz`, ported line by line
 * because it is far more permissive than RFC 7231: two-digit years, named zones, `-`
 * separated RFC 850 dates…) returning null where werkzeug returns None. A non-UTC offset such
 * as `+0100` is kept, as werkzeug keeps it (docs/formats.md §9).
 */
import { type PyDateTime, pyDateTime } from "../value";
import { civilFromDays, daysFromCivil, isValidDateTime, pad2, pad4 } from "./calendar";
import { pyInt, pyIsDigit, pySplit } from "./pyStr";

const DAY_NAMES = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]; // 1970-01-01 was a Thursday
const MONTH_NAMES = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
];

/** werkzeug `http_date`: the UTC instant as `Thu, 29 Feb 2024 12:34:56 GMT` (seconds truncated). */
export function httpDate(epochSeconds: number): string {
  const seconds = Math.floor(epochSeconds);
  const days = Math.floor(seconds / 86400);
  const secondOfDay = seconds - days * 86400;
  const { year, month, day } = civilFromDays(days);
  const weekday = DAY_NAMES[((days % 7) + 7) % 7];
  const time = `${pad2(Math.floor(secondOfDay / 3600))}:${pad2(Math.floor(secondOfDay / 60) % 60)}:${pad2(secondOfDay % 60)}`;
  return `${weekday}, ${pad2(day)} ${MONTH_NAMES[month - 1]} ${pad4(year)} ${time} GMT`;
}

const PY_MONTH_NAMES = [
  ...["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
  ...["january", "february", "march", "april", "may", "june", "july"],
  ...["august", "september", "october", "november", "december"],
];
const PY_DAY_NAMES = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const PY_TIMEZONES: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  AST: -400,
  ADT: -300,
  EST: -500,
  EDT: -400,
  CST: -600,
  CDT: -500,
  MST: -700,
  MDT: -600,
  PST: -800,
  PDT: -700,
};

interface ParsedDate {
  fields: [number, number, number, number, number, number];
  /** Offset in seconds east of UTC; null for "no zone" (taken as UTC by werkzeug). */
  offsetSeconds: number | null;
}

/** CPython 3.11 `email._parseaddr._parsedate_tz`, returning null where it returns None. */
function parsedateTz(value: string): ParsedDate | null {
  let data = pySplit(value);
  if (data.length === 0) return null;
  const head = data[0] as string;
  if (head.endsWith(",") || PY_DAY_NAMES.includes(head.toLowerCase())) {
    data.shift();
  } else {
    const comma = head.lastIndexOf(",");
    if (comma >= 0) data[0] = head.slice(comma + 1);
  }
  if (data.length === 3) {
    const stuff = (data[0] as string).split("-");
    if (stuff.length === 3) data = [...stuff, ...data.slice(1)];
  }
  if (data.length === 4) {
    const s = data[3] as string;
    let i = s.indexOf("+");
    if (i === -1) i = s.indexOf("-");
    if (i > 0) data.splice(3, 1, s.slice(0, i), s.slice(i));
    else data.push("");
  }
  if (data.length < 5) return null;
  let [dd, mm, yy, tm, tz] = data as [string, string, string, string, string];
  if (!(dd && mm && yy)) return null;
  mm = mm.toLowerCase();
  if (!PY_MONTH_NAMES.includes(mm)) {
    [dd, mm] = [mm, dd.toLowerCase()];
    if (!PY_MONTH_NAMES.includes(mm)) return null;
  }
  let month = PY_MONTH_NAMES.indexOf(mm) + 1;
  if (month > 12) month -= 12;
  if (dd.endsWith(",")) dd = dd.slice(0, -1);
  if (yy.indexOf(":") > 0) [yy, tm] = [tm, yy];
  if (yy.endsWith(",")) {
    yy = yy.slice(0, -1);
    if (!yy) return null;
  }
  if (!pyIsDigit(String.fromCodePoint(yy.codePointAt(0) ?? 0))) [yy, tz] = [tz, yy];
  if (tm.endsWith(",")) tm = tm.slice(0, -1);
  let time = tm.split(":");
  if (time.length === 2) time.push("0");
  else if (time.length === 1 && time[0]?.includes(".")) {
    time = (time[0] as string).split(".");
    if (time.length === 2) time.push("0");
    else if (time.length !== 3) return null;
  } else if (time.length !== 3) return null;
  const numbers = [yy, dd, ...time].map(pyInt);
  if (numbers.some((n) => n === null)) return null;
  let [year, day, hour, minute, second] = numbers as [number, number, number, number, number];
  if (year < 100) year += year > 68 ? 1900 : 2000;
  return { fields: [year, month, day, hour, minute, second], offsetSeconds: zoneOffset(tz) };
}

/** The zone part of `_parsedate_tz`: a name, or `±hhmm` read as an integer. */
function zoneOffset(zone: string): number | null {
  const tz = zone.toUpperCase();
  let offset: number | null = PY_TIMEZONES[tz] ?? null;
  if (!Object.hasOwn(PY_TIMEZONES, tz)) {
    offset = pyInt(tz);
    if (offset === 0 && tz.startsWith("-")) offset = null;
  }
  if (!offset) return offset;
  const magnitude = Math.abs(offset);
  return Math.sign(offset) * (Math.floor(magnitude / 100) * 3600 + (magnitude % 100) * 60);
}

/** werkzeug `parse_date`: the datetime a `" d"` tag holds, or null where werkzeug gives None. */
export function parseHttpDate(s: string): PyDateTime | null {
  const parsed = parsedateTz(s);
  if (parsed === null) return null;
  const [year, month, day, hour, minute, second] = parsed.fields;
  if (!isValidDateTime(year, month, day, hour, minute, second)) return null;
  const offset = parsed.offsetSeconds ?? 0;
  // datetime.timezone needs |offset| < 24 h.
  if (Math.abs(offset) >= 86400) return null;
  const local = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second;
  return pyDateTime(local - offset, offset / 60);
}
