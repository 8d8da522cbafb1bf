import { boardSuite } from './board.js';
import { displaySuite } from './display.js';
import { flashSuite } from './flash.js';
import { hotswapSuite } from './hotswap.js';
import { kernelSuite } from './kernel.js';
import { lispSuite } from './lisp.js';
import { objectivesSuite } from './objectives.js';
import { soakSuite } from './soak.js';
import { tickSuite } from './tick.js';

/** Every benchmark suite by name; each returns its figures as one flat record. */
export const suites: Readonly<Record<string, () => Promise<Record<string, number>>>> = {
  kernel: () => kernelSuite(),
  lisp: () => lispSuite(),
  objectives: () => objectivesSuite(),
  board: () => boardSuite(),
  tick: () => tickSuite(),
  hotswap: () => hotswapSuite(),
  flash: () => flashSuite(),
  display: () => displaySuite(),
  soak: () => soakSuite(),
};
