import { availableParallelism } from 'node:os';

/*
 * Defaults and bounds that `nosh --help` prints. They live apart from the code
 * that uses them so that printing help, or registering a command, loads none
 * of the deck (see src/cli/main.ts: commands load their work only when run).
 */

/** The deck is off this long between two runs on one image unless told otherwise: an afternoon away. */
export const DEFAULT_OFF_MS = 4 * 3600_000;

/** Frames written per run unless told otherwise: a long campaign changes screens tens of thousands of times. */
export const DEFAULT_MAX_FRAMES = 500;

/** Most campaigns one soak may run. */
export const MAX_CAMPAIGNS = 100_000;

/** Pool threads of a soak unless told otherwise: every core. */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

/** The stem of a queued soak's queue name (`nosh soak --queue`, `nosh worker`): each code version gets `<stem>.<version>`. */
export const DEFAULT_QUEUE = 'nosh-soak';

/**
 * How long a worker's hold on a campaign lasts without renewal (it renews every half of it, from
 * its main thread, which the campaigns never block: they play on pool threads). A killed worker's
 * campaign runs again elsewhere after at most this plus the stall interval.
 */
export const DEFAULT_LOCK_MS = 30_000;
/** How often each worker looks for campaigns whose worker stopped renewing. */
export const DEFAULT_STALLED_MS = 15_000;
