/**
 * %Y and %T (dt_printf.c pfprint_time, pfprint_time822). %Y rearranges
 * ctime(3C)'s "Wed Jul 23 10:35:12 2008" into "2008 Jul 23 10:35:12" (the
 * adb/mdb /Y form; the day of month is space-padded). %T is strftime's
 * "%a, %d %b %G %T %Z" — note %G, the ISO week-based year, as dtrace has it.
 * Times are nanoseconds since the epoch (walltimestamp), divided as uint64.
 */
import type { DInt } from '../runtime/int64.ts';
import { toUnsigned } from '../runtime/int64.ts';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface Tm { y: number; mon: number; d: number; h: number; m: number; s: number; wd: number; zone: string }

function seconds(ns: DInt): number {
  const u = toUnsigned(ns, 8);
  return typeof u === 'bigint' ? Number(u / 1000000000n) : Math.floor(u / 1e9);
}

function tm(ns: DInt, tz: 'UTC' | 'local'): Tm {
  const dt = new Date(seconds(ns) * 1000);
  if (tz === 'UTC') {
    return { y: dt.getUTCFullYear(), mon: dt.getUTCMonth(), d: dt.getUTCDate(), h: dt.getUTCHours(), m: dt.getUTCMinutes(), s: dt.getUTCSeconds(), wd: dt.getUTCDay(), zone: 'UTC' };
  }
  const zone = /\(([^)]*)\)/.exec(dt.toString())?.[1] ?? '';
  const abbr = zone.includes(' ') ? zone.split(' ').map((w) => w[0]).join('') : zone;
  return { y: dt.getFullYear(), mon: dt.getMonth(), d: dt.getDate(), h: dt.getHours(), m: dt.getMinutes(), s: dt.getSeconds(), wd: dt.getDay(), zone: abbr };
}

const p2 = (n: number): string => (n < 10 ? '0' : '') + n;

/** "2008 Jul 23 10:35:12" */
export function formatTimeY(ns: DInt, tz: 'UTC' | 'local' = 'UTC'): string {
  const t = tm(ns, tz);
  return `${t.y} ${MONTHS[t.mon]} ${t.d < 10 ? ' ' + t.d : t.d} ${p2(t.h)}:${p2(t.m)}:${p2(t.s)}`;
}

/** ISO 8601 week-based year (strftime %G). */
function isoYear(t: Tm): number {
  const wd = (t.wd + 6) % 7; // Monday = 0
  const date = Date.UTC(t.y, t.mon, t.d);
  const thursday = new Date(date + (3 - wd) * 86400000);
  return thursday.getUTCFullYear();
}

/** "Wed, 23 Jul 2008 10:35:12 UTC" */
export function formatTime822(ns: DInt, tz: 'UTC' | 'local' = 'UTC'): string {
  const t = tm(ns, tz);
  return `${DAYS[t.wd]}, ${p2(t.d)} ${MONTHS[t.mon]} ${isoYear(t)} ${p2(t.h)}:${p2(t.m)}:${p2(t.s)} ${t.zone}`;
}
