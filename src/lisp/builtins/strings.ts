import { LispError } from '../errors.js';
import { MAX_STRING_LENGTH } from '../limits.js';
import type { Native, NativeContext } from '../values.js';
import { MANY, builtin, int, nameOf, shown, str, wrongType } from './check.js';
import { at } from '../../assert.js';

/** Strings cost one step per 64 characters touched, so a loop over big strings still meets the budget. */
function charge(ctx: NativeContext, length: number): void {
  ctx.charge(Math.ceil(length / 64));
}

function bounded(fn: string, s: string): string {
  if (s.length > MAX_STRING_LENGTH) throw new LispError('limit', `${fn}: result would be ${s.length} characters; the limit is ${MAX_STRING_LENGTH}`);
  return s;
}

function joined(fn: string, parts: readonly string[], ctx: NativeContext): string {
  let length = 0;
  for (const p of parts) length += p.length;
  if (length > MAX_STRING_LENGTH) throw new LispError('limit', `${fn}: result would be ${length} characters; the limit is ${MAX_STRING_LENGTH}`);
  charge(ctx, length);
  return parts.join('');
}

export const STRING_BUILTINS: readonly Native[] = [
  /** (str a b …): the display forms concatenated (strings as they are, nil as nothing). */
  builtin('str', 0, MANY, (args, ctx) => joined('str', args.map((v) => (v === null ? '' : shown(v, ctx))), ctx)),
  /** (concat s …): strings only; str is the forgiving one. */
  builtin('concat', 0, MANY, (args, ctx) => joined('concat', args.map((_, i) => str('concat', args, i)), ctx)),
  /** (substring s start [end]): indices count code points, as columns do. */
  builtin('substring', 2, 3, (args, ctx) => {
    const s = str('substring', args, 0);
    // Splitting into code points costs more than copying: one step per 8 units.
    ctx.charge(Math.ceil(s.length / 8));
    const chars = Array.from(s);
    const start = int('substring', args, 1);
    const end = args.length === 3 ? int('substring', args, 2) : chars.length;
    if (start < 0 || start > chars.length) throw wrongType('substring', 1, `an index from 0 to ${chars.length}`, start);
    if (end < start || end > chars.length) throw wrongType('substring', 2, `an index from ${start} to ${chars.length}`, end);
    return chars.slice(start, end).join('');
  }),
  builtin('upcase', 1, 1, (args, ctx) => {
    const s = str('upcase', args, 0);
    charge(ctx, s.length);
    return bounded('upcase', s.toUpperCase());
  }),
  builtin('downcase', 1, 1, (args, ctx) => {
    const s = str('downcase', args, 0);
    charge(ctx, s.length);
    return bounded('downcase', s.toLowerCase());
  }),
  /** (name x): a keyword's or symbol's name as a string (a string is its own name). */
  builtin('name', 1, 1, (args) => {
    const n = nameOf(at(args, 0));
    if (n === undefined) throw wrongType('name', 0, 'a keyword, symbol or string', at(args, 0));
    return n;
  }),
];
