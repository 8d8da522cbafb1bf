import type { Invariant } from './invariant.js';

/** Commits sent and not yet handled by the flash, bounded: it handles each within a tick or two. */
const MAX_PENDING = 64;

/**
 * What the flash gives back (a boot, a remount after a power cut) is exactly
 * the last state it finished committing. The flash answers each write as it
 * handles it (`flash/ack`, or `flash/power-lost` for a commit the power cut),
 * so those answers, not the sends, say what was on the chip when it read.
 * A commit the power cut may come back whole (the cut fell after its last
 * bit) or not at all; anything else is a violation.
 */
export function flashReadback(): Invariant {
  const pending = new Map<string | null, string>();
  let durable: { tag: string | null; state: string } | null = null;
  let lost: { tag: string | null; state: string } | null = null;
  return {
    name: 'flash-readback',
    check(f) {
      switch (f.kind) {
        case 'commit':
          pending.set(f.tag, f.state);
          if (pending.size > MAX_PENDING) pending.delete(pending.keys().next().value as string | null);
          return null;
        case 'commit-acked': {
          const state = pending.get(f.tag);
          pending.delete(f.tag);
          if (state !== undefined) {
            durable = { tag: f.tag, state };
            // A newer commit landed whole: the interrupted one is no longer an acceptable answer.
            lost = null;
          }
          return null;
        }
        case 'commit-lost': {
          const state = pending.get(f.tag);
          pending.delete(f.tag);
          if (state !== undefined) lost = { tag: f.tag, state };
          return null;
        }
        case 'flash-read':
          return durable === null ? null : readBack(f.state, durable, lost);
        default:
          return null;
      }
    },
  };
}

function readBack(state: string | null, durable: { tag: string | null; state: string }, lost: { tag: string | null; state: string } | null): string | null {
  if (state === durable.state) return null;
  if (state === null) return `the flash came back blank after ${durable.tag ?? 'a commit'} had been committed`;
  // A cut after the commit's last bit leaves the new state whole: "after" is as good as "before".
  if (lost !== null && state === lost.state) return null;
  return `the flash gave back a state it never committed instead of ${durable.tag ?? 'the last commit'}`;
}
