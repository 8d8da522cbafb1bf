import { demoCatalog } from '../../actors/catalog.js';
import type { Runtime } from '../runtime/runtime.js';

export const DEMO_CATALOG = demoCatalog;

/**
 * The kernel's demo: a ping-pong rally, a ticker handing work to an overseer,
 * and the overseer's flaky worker that crashes now and then, so a run shows
 * messaging, supervision, restarts and escalation.
 */
export async function startDemo(rt: Runtime): Promise<void> {
  await rt.spawn('pong');
  await rt.spawn('ping', { args: { peer: 'pong', rounds: 60 } });
  await rt.spawn('overseer');
  await rt.spawn('ticker', { args: { every: 5, workTo: 'overseer' } });
}
