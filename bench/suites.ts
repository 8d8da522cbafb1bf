import { boardSuite } from './board.js';
import { kernelSuite } from './kernel.js';
import { displaySuite } from './display.js';
import { flashSuite } from './flash.js';
import { lispSuite } from './lisp.js';

/** Every benchmark suite by name; each returns its figures as one flat record. */
export const suites: Readonly<Record<string, () => Promise<Record<string, number>>>> = {
  kernel: () => kernelSuite(),
  lisp: () => lispSuite(),
  flash: () => flashSuite(),
  display: () => displaySuite(),
  board: () => boardSuite(),
};
