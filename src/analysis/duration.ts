/**
 * Short human durations for ages and expiries ("3 h 5 min", "20 d 3 h"): two units at most,
 * because a devtools row has room for a glance, not a timestamp calculation.
 */
const UNITS: ReadonlyArray<readonly [string, number]> = [
  ["d", 86_400],
  ["h", 3_600],
  ["min", 60],
  ["s", 1],
];

export function formatDuration(totalSeconds: number): string {
  let rest = Math.round(Math.abs(totalSeconds));
  if (rest === 0) return "0 s";
  const parts: string[] = [];
  for (const [unit, size] of UNITS) {
    if (parts.length === 2) break;
    const count = Math.floor(rest / size);
    if (count > 0) {
      parts.push(`${count} ${unit}`);
      rest -= count * size;
    } else if (parts.length === 1) {
      break;
    }
  }
  return parts.join(" ");
}
