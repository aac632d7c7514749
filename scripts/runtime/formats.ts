/**
 * The string formats our schemas use, checked by hand-written scanners instead of ajv-formats: half of
 * ajv's time on a typical event went to format regexes, and ajv-formats' date-time accepts a space for
 * `T` and any number of fraction digits, which Altcraft never sends.
 *
 * The generated validators receive this object as their `formats` (see derive/validators.ts), so the
 * code here is the one place a format is defined, at build time and at run time.
 */

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** The value of `count` ASCII digits at `start`, or -1 when any of them is not a digit. */
function digitsAt(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const code = text.charCodeAt(i) - 48;
    if (!(code >= 0 && code <= 9)) return -1; // NaN past the end is not a digit either
    value = value * 10 + code;
  }
  return value;
}

/** `YYYY-MM-DD` at `start`, with a day that exists in that month. */
function isFullDateAt(text: string, start: number): boolean {
  const year = digitsAt(text, start, 4);
  const month = digitsAt(text, start + 5, 2);
  const day = digitsAt(text, start + 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1) return false;
  if (text.charCodeAt(start + 4) !== 45 || text.charCodeAt(start + 7) !== 45) return false;
  if (day > DAYS_IN_MONTH[month - 1]!) return false;
  return month !== 2 || day !== 29 || isLeapYear(year);
}

/**
 * `HH:MM:SS[.fraction](Z|±HH:MM)` from `start` to the end of the text, with at most `maxFraction`
 * fraction digits. A leap second (`:60`) is accepted only at 23:59 UTC, as RFC 3339 allows.
 */
function isFullTimeFrom(text: string, start: number, maxFraction: number): boolean {
  const hour = digitsAt(text, start, 2);
  const minute = digitsAt(text, start + 3, 2);
  const second = digitsAt(text, start + 6, 2);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) return false;
  if (text.charCodeAt(start + 2) !== 58 || text.charCodeAt(start + 5) !== 58) return false;
  let i = start + 8;
  if (text.charCodeAt(i) === 46) {
    const fractionStart = ++i;
    while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
    const digits = i - fractionStart;
    if (digits < 1 || digits > maxFraction) return false;
  }
  const zone = text.charCodeAt(i);
  let offsetMinutes = 0;
  if (zone === 90 || zone === 122) {
    if (i + 1 !== text.length) return false;
  } else if (zone === 43 || zone === 45) {
    if (i + 6 !== text.length || text.charCodeAt(i + 3) !== 58) return false;
    const offsetHour = digitsAt(text, i + 1, 2);
    const offsetMinute = digitsAt(text, i + 4, 2);
    if (offsetHour < 0 || offsetHour > 23 || offsetMinute < 0 || offsetMinute > 59) return false;
    offsetMinutes = (zone === 43 ? 1 : -1) * (offsetHour * 60 + offsetMinute);
  } else {
    return false;
  }
  if (second === 60) {
    const utcMinutes = (((hour * 60 + minute - offsetMinutes) % 1440) + 1440) % 1440;
    return utcMinutes === 23 * 60 + 59;
  }
  return true;
}

/** RFC 3339 date-time with `T` (or `t`), 0–9 fraction digits and `Z` or a `±HH:MM` offset. */
export function isDateTime(text: string): boolean {
  if (text.length < 20 || text.length > 35) return false;
  const separator = text.charCodeAt(10);
  return (separator === 84 || separator === 116) && isFullDateAt(text, 0) && isFullTimeFrom(text, 11, 9);
}

/** RFC 3339 full-date: `YYYY-MM-DD`. */
export function isDate(text: string): boolean {
  return text.length === 10 && isFullDateAt(text, 0);
}

/** RFC 3339 full-time: `HH:MM:SS[.fraction](Z|±HH:MM)`. */
export function isTime(text: string): boolean {
  return text.length >= 9 && isFullTimeFrom(text, 0, 9);
}

const IPV4_PART = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
const IPV4 = new RegExp(`^${IPV4_PART}(?:\\.${IPV4_PART}){3}$`);

/** Dotted-quad IPv4 without leading zeros. */
export function isIpv4(text: string): boolean {
  return IPV4.test(text);
}

/** IPv6 in any RFC 4291 text form, including `::` compression and an embedded IPv4 tail. */
export function isIpv6(text: string): boolean {
  if (text.length < 2 || text.length > 45) return false;
  const halves = text.split("::");
  if (halves.length > 2) return false;
  const groups = (half: string): string[] | undefined => (half === "" ? [] : half.split(":"));
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  if (!head || !tail) return false;
  const all = [...head, ...tail];
  let count = all.length;
  const last = all[all.length - 1];
  if (last !== undefined && last.includes(".")) {
    if (!isIpv4(last)) return false;
    all.pop();
    count++;
  }
  if (!all.every((group) => /^[0-9a-fA-F]{1,4}$/.test(group))) return false;
  return halves.length === 2 ? count < 8 : count === 8;
}

/** A practical address check (what mail systems accept), not the full RFC 5321 grammar. */
const EMAIL = /^[^\s@"(),:;<>[\\\]]+@[A-Za-z0-9\u0080-\uffff](?:[A-Za-z0-9\u0080-\uffff-]*[A-Za-z0-9\u0080-\uffff])?(?:\.[A-Za-z0-9\u0080-\uffff](?:[A-Za-z0-9\u0080-\uffff-]*[A-Za-z0-9\u0080-\uffff])?)+$/;

export function isEmail(text: string): boolean {
  return text.length <= 254 && EMAIL.test(text);
}

/** An absolute URI: a scheme, a colon and no spaces or control characters. */
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s\u0000-\u001f"<>\\^`{|}]*$/;

export function isUri(text: string): boolean {
  return URI.test(text);
}

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export function isUuid(text: string): boolean {
  return UUID.test(text);
}

/** Every format a schema may use, by its JSON Schema name. */
export const FORMATS: Readonly<Record<string, (text: string) => boolean>> = {
  "date-time": isDateTime,
  date: isDate,
  time: isTime,
  ipv4: isIpv4,
  ipv6: isIpv6,
  email: isEmail,
  uri: isUri,
  uuid: isUuid,
};

/** What each format means, for problem messages ("must be …"). */
export const FORMAT_DESCRIPTIONS: Readonly<Record<string, string>> = {
  "date-time": "an RFC 3339 date-time with up to 9 fraction digits (like 2024-05-14T09:00:01.120443512Z)",
  date: "an RFC 3339 date (like 2024-05-14)",
  time: "an RFC 3339 time with an offset (like 09:00:01Z)",
  ipv4: "an IPv4 address (like 10.9.0.14)",
  ipv6: "an IPv6 address",
  email: "an email address",
  uri: "an absolute URI (like https://example.com/page)",
  uuid: "a UUID",
};
