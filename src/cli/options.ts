import { InvalidArgumentError } from 'commander';
import ms from 'ms';

/** A command line that asks for something impossible (flags that do not go together): exit status 2. */
export class UsageError extends Error {}

/** Commander parsers that reject bad values with a message naming the flag. */
export function integer(flag: string, min = 0, max = Number.MAX_SAFE_INTEGER): (value: string) => number {
  return (value) => {
    if (!/^-?\d+$/.test(value.trim())) throw new InvalidArgumentError(`${flag} needs an integer, got '${value}'.`);
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < min || n > max) throw new InvalidArgumentError(`${flag} must be between ${min} and ${max}, got ${value}.`);
    return n;
  };
}

/** A positive decimal number up to `max`, e.g. a speed factor. */
export function positiveNumber(flag: string, max: number): (value: string) => number {
  return (value) => {
    const n = /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : Number.NaN;
    if (!(n > 0 && n <= max)) throw new InvalidArgumentError(`${flag} needs a number above 0 and at most ${max}, got '${value}'.`);
    return n;
  };
}

export function oneOf<const T extends string>(flag: string, choices: readonly T[]): (value: string) => T {
  return (value) => {
    if (!(choices as readonly string[]).includes(value)) {
      throw new InvalidArgumentError(`${flag} must be one of ${choices.join(', ')}, got '${value}'.`);
    }
    return value as T;
  };
}

/** A span of time such as `30m`, `4h` or `2d` (the `ms` package's syntax), in ms. */
export function duration(flag: string, maxMs = 365 * 24 * 3600_000): (value: string) => number {
  return (value) => {
    const parsed = /^\d+$/.test(value.trim()) ? Number.NaN : ms(value as ms.StringValue);
    if (typeof parsed !== 'number' || !Number.isFinite(parsed) || parsed < 0 || parsed > maxMs) {
      throw new InvalidArgumentError(`${flag} needs a duration such as 30m, 4h or 2d (at most ${ms(maxMs, { long: true })}), got '${value}'.`);
    }
    return Math.round(parsed);
  };
}

/** A Redis URL (`redis://host:port`, `rediss://` for TLS): anything else is a usage error, not a connection that never comes. */
export function redisUrl(flag: string): (value: string) => string {
  return (value) => {
    const url = URL.canParse(value) ? new URL(value) : null;
    if (url === null || !['redis:', 'rediss:'].includes(url.protocol) || url.hostname === '') throw new InvalidArgumentError(`${flag} needs a Redis URL such as redis://127.0.0.1:6379, got '${value}'.`);
    return value;
  };
}

/** A queued soak's id as `nosh soak --queue` prints it. */
export function soakId(flag: string): (value: string) => string {
  return (value) => {
    if (!/^soak-[0-9a-f]{16}$/.test(value)) throw new InvalidArgumentError(`${flag} needs a soak id such as soak-3f2a9c1d0b7e4a56 (printed when the soak is queued), got '${value}'.`);
    return value;
  };
}
