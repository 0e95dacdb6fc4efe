import { IConstruct } from 'constructs';
import { fail } from '../private/errors';

/** IANA names spelt as the tz database spells them: each part starting with a capital letter. */
const IANA_SPELLING = /^[A-Z][A-Za-z0-9_+-]*(\/[A-Z][A-Za-z0-9_+-]*)*$/;

let canonical: ReadonlySet<string> | undefined;

/**
 * A CronJob's `timeZone`: an IANA time zone name, spelt exactly (the controller loads it from
 * the tz database by file name, so case matters). Known when Node's ICU lists it
 * (`Intl.supportedValuesOf('timeZone')`, which in Node 20 leaves out `UTC` and `Etc/*` and lists
 * some zones under their older names, such as `Europe/Kiev`) or accepts it as a time zone (the
 * newer names and the links, such as `Europe/Kyiv` and `Asia/Kolkata`, and `UTC`, `Etc/UTC`,
 * `Etc/GMT+5`).
 */
export function checkTimeZone(scope: IConstruct, field: string, value: unknown): string {
  const fix = "use an IANA time zone name such as 'Europe/Berlin', 'America/New_York' or 'Etc/UTC'";
  if (typeof value !== 'string' || value.length === 0) {
    fail(scope, field, 'must be an IANA time zone name', value, fix);
  }
  canonical ??= new Set(Intl.supportedValuesOf('timeZone'));
  if (canonical.has(value)) {
    return value;
  }
  let resolved: string | undefined;
  try {
    resolved = new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    resolved = undefined;
  }
  if (resolved === undefined) {
    fail(scope, field, 'is not a time zone of the IANA database', value, fix);
  }
  if (!IANA_SPELLING.test(value) || (resolved !== value && resolved.toLowerCase() === value.toLowerCase())) {
    fail(scope, field, 'must be spelt as the IANA database spells it (the controller reads it by file name; case matters)', value,
      resolved.toLowerCase() === value.toLowerCase() ? `use '${resolved}'` : fix);
  }
  return value;
}
