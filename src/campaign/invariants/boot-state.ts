import { figuresDiffer, obligationsDiffer } from './model/ledger.js';
import type { Invariant } from './invariant.js';

/**
 * After every boot the deck is the last completed commit: its books, its obligations, its running
 * mission exactly as they were when that commit was made (plus the new session). A commit the deck made
 * and then lost — with no power cut, refusal or reported damage to excuse it — is a violation; after the
 * operator switched the deck off, a refusal does not excuse it either (a power-off waits until saved).
 */
export function bootState(): Invariant {
  return {
    name: 'boot-state',
    before(f, w) {
      if (f.kind !== 'ready') return null;
      const read = w.flash.lastRead;
      if (read === null) return null;
      // What the chip owed when it answered the read (a delayed write that landed after it is not owed).
      const owed = read.owed;
      if (owed !== null && read.state !== owed.state) {
        return `the deck booted from an older state: its newest commit (${owed.tag ?? '?'}) was lost with nothing to excuse it${w.gracefulBoot ? ' (the operator switched it off, which waits until the state is saved)' : ''}`;
      }
      if (read.state === null) return figuresDiffer({ credits: 0, reputation: 0, intel: 0, runs: 0, session: 0, obligations: [] }, f.figures, 1);
      const snap = w.snapshotOf(read.state);
      if (snap === undefined) return w.missionIndex === 0 ? null : 'the deck booted from a state the model never saw committed';
      const books = figuresDiffer(snap.ledger, f.figures, 1) ?? obligationsDiffer(snap.ledger, f.figures);
      if (books !== null) return `booted into books that are not the commit's: ${books}`;
      const had = snap.mission?.id ?? null;
      const has = f.mission?.id ?? null;
      return had === has ? null : `the commit had ${had === null ? 'no mission' : `mission C-${had.toString(16).toUpperCase()}`} running; the deck booted with ${has === null ? 'none' : `C-${has.toString(16).toUpperCase()}`}`;
    },
  };
}
