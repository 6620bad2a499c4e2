/** Small helpers shared by every options object: merge defaults once, validate with a clear message. */
import { InvalidOptionError } from './errors.js';

/** Merge user options over frozen defaults, ignoring keys set to undefined. */
export function resolveOptions<T extends object>(defaults: Readonly<T>, options: Partial<T> | undefined): T {
  const out = { ...defaults } as T;
  if (options) {
    for (const [k, v] of Object.entries(options)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

export function assertInteger(who: string, option: string, value: unknown, min = -Infinity): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min)
    throw new InvalidOptionError(who, option, value, min === -Infinity ? 'an integer' : `an integer >= ${min}`);
}

export function assertNumber(who: string, option: string, value: unknown, min = -Infinity, max = Infinity): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max)
    throw new InvalidOptionError(who, option, value, `a number between ${min} and ${max}`);
}

export function assertOneOf<T extends string>(who: string, option: string, value: unknown, allowed: readonly T[]): asserts value is T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value))
    throw new InvalidOptionError(who, option, value, `one of ${allowed.map((a) => `"${a}"`).join(', ')}`);
}

export function assertBoolean(who: string, option: string, value: unknown): asserts value is boolean {
  if (typeof value !== 'boolean') throw new InvalidOptionError(who, option, value, 'a boolean');
}
