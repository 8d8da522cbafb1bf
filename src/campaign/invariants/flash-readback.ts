import type { Invariant } from './invariant.js';

/**
 * What the flash gives back (a boot, a remount after a power cut) is a state it committed: the newest it
 * acknowledged, or one a cut or a crash left unanswered (it may have landed whole), or, when it reports
 * newer records damaged, the acknowledged commit it recovered.
 */
export function flashReadback(): Invariant {
  return {
    name: 'flash-readback',
    before(f, w) {
      if (f.kind !== 'flash-read') return null;
      if (w.flash.readable(f)) return null;
      if (f.state === null) return 'the flash came back blank after commits had been acknowledged';
      return `the flash gave back a state it never committed (recovered seq ${f.seq ?? '?'}${f.damaged ? `, damaged: ${f.dropped.join(', ')}` : ''})`;
    },
  };
}
