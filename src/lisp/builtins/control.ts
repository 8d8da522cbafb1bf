import { LispError } from '../errors.js';
import type { Native } from '../values.js';
import { MANY, builtin, shown } from './check.js';

export const CONTROL_BUILTINS: readonly Native[] = [
  /** (print a b …): display forms separated by spaces, then a newline, to the host's output. */
  builtin('print', 0, MANY, (args, ctx) => {
    ctx.print(`${args.map((v) => shown(v, ctx)).join(' ')}\n`);
    return null;
  }),
  /** (error "what" …): stop the script with a LispError whose reason is the display forms joined. */
  builtin('error', 1, MANY, (args, ctx) => {
    throw new LispError('user', args.map((v) => shown(v, ctx)).join(' '));
  }),
];
