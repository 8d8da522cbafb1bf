import { LispError } from '../errors.js';
import { display } from '../printer.js';
import type { Native } from '../values.js';
import { MANY, builtin } from './check.js';

export const CONTROL_BUILTINS: readonly Native[] = [
  /** (print a b …): display forms separated by spaces, then a newline, to the host's output. */
  builtin('print', 0, MANY, (args, ctx) => {
    ctx.print(`${args.map(display).join(' ')}\n`);
    return null;
  }),
  /** (error "what" …): stop the script with a LispError whose reason is the display forms joined. */
  builtin('error', 1, MANY, (args) => {
    throw new LispError('user', args.map(display).join(' '));
  }),
];
