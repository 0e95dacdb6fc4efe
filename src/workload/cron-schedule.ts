import { IConstruct } from 'constructs';
import { fail } from '../private/errors';

/** The macros the CronJob controller accepts (robfig/cron descriptors), but `@every`. */
const MACROS = ['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly'];

interface CronField {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly names?: string[];
}

const FIELDS: CronField[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] },
  { name: 'day of week', min: 0, max: 6, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] },
];

/** The most days each month can have (February in a leap year). */
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const FIX = "use five fields 'minute hour day-of-month month day-of-week' (such as '30 2 * * *' for 02:30 every day), or a macro such as '@daily'";

/**
 * A CronJob schedule as the CronJob controller reads it (the standard five fields of
 * robfig/cron): numbers in range, month and weekday names, `*`, `?`, lists, ranges and steps; or
 * one of the calendar macros `@yearly`, `@annually`, `@monthly`, `@weekly`, `@daily`,
 * `@midnight`, `@hourly`. Refused: six fields (seconds), `@every` (not a calendar schedule: it
 * restarts with the controller), a `TZ=` or `CRON_TZ=` prefix (the API refuses it: use
 * `timeZone`), and a day of month that none of the months has (`0 0 30 2 *` never runs).
 */
export function checkSchedule(scope: IConstruct, field: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim().length === 0) {
    fail(scope, field, 'must be a cron schedule', value, FIX);
  }
  const schedule = value.trim();
  if (/^(CRON_)?TZ=/.test(schedule)) {
    fail(scope, field, 'must not carry a time zone (the API refuses TZ= and CRON_TZ=)', value, 'set the `timeZone` prop instead');
  }
  if (schedule.startsWith('@')) {
    if (!MACROS.includes(schedule)) {
      fail(scope, field, `must be one of the macros ${MACROS.join(', ')}`, value,
        schedule.startsWith('@every') ? "write the interval as five fields, such as '*/15 * * * *' (@every is not a calendar time and restarts with the controller)" : FIX);
    }
    return schedule;
  }
  const parts = schedule.split(/\s+/);
  if (parts.length !== 5) {
    fail(scope, field, `must have five fields, not ${parts.length}${parts.length === 6 ? ' (Kubernetes has no seconds field)' : ''}`, value, FIX);
  }
  const values = parts.map((part, i) => parseField(scope, field, FIELDS[i], part));
  const [, , days, months, weekdays] = values;
  if (weekdays === undefined && days !== undefined) {
    const longest = Math.max(...(months ?? [1]).map((m) => DAYS_IN_MONTH[m - 1]));
    if (Math.min(...days) > longest) {
      fail(scope, field, `never runs: no month it names has day ${Math.min(...days)}`, value, 'use a day of month that one of the months has, such as 28 for February');
    }
  }
  return schedule;
}

/** The values a field names, or undefined for every value (`*` or `?` alone). */
function parseField(scope: IConstruct, field: string, spec: CronField, text: string): number[] | undefined {
  const bad = (what: string): never => fail(scope, field, `${spec.name}: ${what}`, text,
    `use ${spec.min}-${spec.max}${spec.names ? ` or ${spec.names[0]}-${spec.names[spec.names.length - 1]}` : ''}, '*', lists (a,b), ranges (a-b) and steps (*/n, a-b/n)`);
  if (text === '*' || text === '?') {
    return undefined;
  }
  const number = (item: string): number => {
    const byName = spec.names?.indexOf(item.toUpperCase()) ?? -1;
    const n = byName >= 0 ? byName + spec.min : /^\d+$/.test(item) ? Number(item) : NaN;
    if (Number.isNaN(n)) {
      return bad(`'${item}' is not a number${spec.names ? ' or a name' : ''}`);
    }
    if (n < spec.min || n > spec.max) {
      return bad(`${n} is out of range ${spec.min}-${spec.max}`);
    }
    return n;
  };
  const found = new Set<number>();
  for (const item of text.split(',')) {
    const [range, stepText, ...rest] = item.split('/');
    if (rest.length > 0 || range === '') {
      bad(`'${item}' is not a value, range or step`);
    }
    let step = 1;
    if (stepText !== undefined) {
      step = /^\d+$/.test(stepText) ? Number(stepText) : 0;
      if (step < 1) {
        bad(`step '${stepText}' is not a whole number of at least 1`);
      }
    }
    let low: number;
    let high: number;
    if (range === '*' || range === '?') {
      [low, high] = [spec.min, spec.max];
    } else if (range.includes('-')) {
      const ends = range.split('-');
      if (ends.length !== 2) {
        bad(`'${range}' is not a range`);
      }
      [low, high] = [number(ends[0]), number(ends[1])];
      if (low > high) {
        bad(`range ${range} runs backwards`);
      }
    } else {
      low = number(range);
      high = stepText === undefined ? low : spec.max;
    }
    for (let n = low; n <= high; n += step) {
      found.add(n);
    }
  }
  return [...found].sort((a, b) => a - b);
}
