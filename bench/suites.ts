import type { SoakBenchSize } from './soak.js';

/** What a suite may be told from the command line (only the soak's size, for now). */
export interface SuiteOptions {
  readonly soak?: Partial<SoakBenchSize>;
}

/**
 * Every benchmark suite by name; each returns its figures as one flat record.
 * A suite's module is imported only when it runs: `nosh --help` lists these
 * names, and must not load vega, tinybench or a worker pool to do it.
 */
export const suites: Readonly<Record<string, (options: SuiteOptions) => Promise<Record<string, number>>>> = {
  kernel: async () => (await import('./kernel.js')).kernelSuite(),
  lisp: async () => (await import('./lisp.js')).lispSuite(),
  objectives: async () => (await import('./objectives.js')).objectivesSuite(),
  board: async () => (await import('./board.js')).boardSuite(),
  tick: async () => (await import('./tick.js')).tickSuite(),
  hotswap: async () => (await import('./hotswap.js')).hotswapSuite(),
  flash: async () => (await import('./flash.js')).flashSuite(),
  display: async () => (await import('./display.js')).displaySuite(),
  soak: async (o) => {
    const { DEFAULT_SOAK_SIZE, soakSuite } = await import('./soak.js');
    return soakSuite({ ...DEFAULT_SOAK_SIZE, ...o.soak });
  },
  queue: async () => (await import('./queue.js')).queueSuite(),
  startup: async () => (await import('./startup.js')).startupSuite(),
  'mission-control': async () => (await import('./mission-control.js')).missionControlSuite(),
  profile: async () => (await import('./profile.js')).profileSuite(),
};
